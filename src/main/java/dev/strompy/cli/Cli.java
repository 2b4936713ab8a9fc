package dev.strompy.cli;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.write.Output;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The whole command, as a function from arguments and streams to an exit status:
 * flags → options → pipeline → exit status. The one place that maps errors to exit codes.
 */
public final class Cli {
    /** Output buffer size: large enough for throughput, small enough to stay cache-friendly. */
    static final int BUFFER_SIZE = 1 << 16;

    private Cli() {
    }

    /**
     * {@return the exit status of a run: 0, or the first error's}; {@code stdout} is written through
     * a checked buffer, flushed and not closed, and {@code terminal} says which streams are terminals
     */
    public static int run(String[] args, InputStream stdin, OutputStream stdout, PrintStream stderr,
            Terminal terminal) {
        return run(args, stdin, stdout, stderr, terminal, Parallelism.DEFAULT);
    }

    /** @param parallelism when and how a source is evaluated on several threads */
    static int run(String[] args, InputStream stdin, OutputStream stdout, PrintStream stderr, Terminal terminal,
            Parallelism parallelism) {
        Output out = new Output(stdout, BUFFER_SIZE, terminal.stdoutIsPipe());
        Diagnostics diagnostics = new Diagnostics(stderr, Flags.debugRequested(args));
        try {
            Invocation invocation = Flags.parse(terminal, args);
            if (invocation instanceof Invocation.Print print) {
                out.utf8(print.text());
                out.flush();
                return 0;
            }
            Options options = ((Invocation.Run) invocation).options();
            StrompyError first = new Pipeline(options, stdin, out, stderr, diagnostics, parallelism).run();
            return first == null ? 0 : ExitCodes.of(first.type());
        } catch (StrompyError e) {
            out.flushIfPossible();
            diagnostics.report(e);
            return ExitCodes.of(e.type());
        } catch (OutOfMemoryError e) {
            stderr.println("strompy: out of memory: raise the heap with JAVA_OPTS=-Xmx... or lower --max-elements");
            return ExitCodes.of(ErrorType.INTERNAL);
        } catch (RuntimeException | StackOverflowError e) {
            out.flushIfPossible();
            diagnostics.reportInternal(e);
            return ExitCodes.of(ErrorType.INTERNAL);
        }
    }
}

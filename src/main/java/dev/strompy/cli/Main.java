package dev.strompy.cli;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.write.Output;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The entry point and the one {@code System.exit}; {@link #run} is the whole command, flags →
 * options → pipeline → exit status. stdin and stdout are the raw descriptors: a
 * {@code PrintStream} would swallow a broken pipe or a full disk.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // stderr in UTF-8 whatever the locale: System.err would write '?' for '·' under LC_ALL=C.
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args,
                new FileInputStream(FileDescriptor.in),
                new FileOutputStream(FileDescriptor.out),
                stderr,
                Terminal.detect());
        System.exit(status);
    }

    /** Output buffer size: large enough for throughput, small enough to stay cache-friendly. */
    static final int BUFFER_SIZE = 1 << 16;

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

package dev.strompy.cli;

import dev.strompy.Limits;
import dev.strompy.Outcome;
import dev.strompy.Renderer;
import dev.strompy.StrompyDecoder;
import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;
import dev.strompy.write.AsyncWriter;
import dev.strompy.write.Format;
import dev.strompy.write.Output;
import dev.strompy.write.ResultWriter;
import dev.strompy.write.TableStyle;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;

/**
 * The run: for each source, the one loop read a chunk → feed the public {@link StrompyDecoder}
 * → take outcomes → write. It stops at the first error, everything before it written, or with
 * keep-going writes a record in the failed item's place. Before any read that would wait for the
 * producer, every item fed so far is finished and written out: a slow producer sees each result.
 */
public final class Pipeline {
    /** Bytes read from a source at a time. */
    private static final int READ_BUFFER = 1 << 18;

    private final Options options;
    private final InputStream stdin;
    private final Output out;
    private final PrintStream stderr;
    private final Diagnostics diagnostics;
    private final Parallelism parallelism;
    private final byte[] chunk = new byte[READ_BUFFER];
    private final Limits limits;
    private StrompyError first;
    /** The first error that was not an item error recorded in the output. */
    private StrompyError firstFatal;
    private volatile Progress progress;
    private AsyncWriter writer;
    private long taken;

    /** @param parallelism when and how a source is evaluated on several threads */
    Pipeline(Options options, InputStream stdin, Output out, PrintStream stderr, Diagnostics diagnostics,
            Parallelism parallelism) {
        this.options = options;
        this.stdin = stdin;
        this.out = out;
        this.stderr = stderr;
        this.diagnostics = diagnostics;
        this.parallelism = parallelism;
        this.limits = Limits.DEFAULT.withMaxElements(options.maxElements());
    }

    /**
     * {@return after running every source, the error that decides the exit status (the first, or
     * with {@code --on-error=record} the first not recorded as an item's), or null}
     *
     * @throws StrompyError when writing to stdout fails (broken pipe, I/O)
     */
    public StrompyError run() {
        Signals.install(out, new ClearProgress());
        TableStyle table = new TableStyle(options.digits(), options.color(),
                options.withSource() || options.sources().size() > 1);
        try (AsyncWriter w = new AsyncWriter(ResultWriter.create(options.format(), out, options.withSource(), table), out)) {
            this.writer = w;
            w.begin();
            for (String name : options.sources()) {
                if (!runSource(name, name.equals("-") ? options.stdinName() : name)) {
                    break;
                }
            }
            w.end();
        }
        return options.onError() == OnError.RECORD ? firstFatal : first;
    }

    /** One source: opened, decoded, closed; @return whether to go on with the next source */
    private boolean runSource(String path, String name) {
        InputStream in;
        try {
            in = Sources.open(path, stdin, options.terminal().stdinIsClosed());
        } catch (StrompyError e) {
            return failed(e, false);
        }
        long size = Sources.size(path, stdin);
        progress = Progress.forSource(name, size, options.progress(), stderr, options.terminal());
        if (progress != null) {
            in = progress.count(in);
        }
        taken = 0;
        try (StrompyDecoder decoder = decoder(name, size)) {
            return decode(in, decoder);
        } catch (OutOfMemoryError e) {
            // What the failed item held is garbage now, so there is room to write what is
            // finished and say so. The source ends here.
            StrompyError oom = new StrompyError(ErrorType.LIMIT, "out of memory: raise the heap (JAVA_OPTS=-Xmx2g, say)"
                    + " or lower --max-elements (now " + options.maxElements() + ")").atSource(name).atItem(taken);
            if (firstFatal == null) {
                // The items after it in this source are lost: not an item error alone.
                firstFatal = oom;
            }
            return failed(oom, true);
        } finally {
            Sources.close(in);
            if (progress != null) {
                progress.clear();
                progress = null;
            }
        }
    }

    /**
     * {@return the decoder for a source of {@code size} bytes (-1: a stream)}: a large file on
     * {@code --jobs} threads; a stream too, from {@link Parallelism#from()} bytes on, with more
     * than two jobs (a pipe's producer takes a core: 1 GB through cat took 4% longer on two of two)
     */
    private StrompyDecoder decoder(String name, long size) {
        StrompyDecoder.Builder b = StrompyDecoder.builder().source(name).limits(limits)
                .batchBytes(parallelism.batchBytes());
        int jobs = options.jobs();
        boolean file = jobs > 1 && size >= parallelism.from();
        boolean stream = jobs > 2 && size < 0;
        if (file || stream) {
            b.jobs(jobs).parallelFrom(stream ? parallelism.from() : 0);
            if (options.format() != Format.TABLE) {
                // The threads write each result's numbers too: this thread only copies the text.
                b.render(new JsonRows());
            }
        }
        return b.build();
    }

    /** A result's rows as JSON text, made on the decoder's threads (a class, not a lambda: see {@link Signals}). */
    private static final class JsonRows implements Renderer {
        @Override
        public byte[] render(int rows, int cols, double[] values) {
            return ResultWriter.jsonRows(rows, cols, values);
        }
    }

    /** The one loop: read a chunk, feed it, take every finished outcome, write it. */
    private boolean decode(InputStream in, StrompyDecoder decoder) {
        while (true) {
            Outcome o = decoder.next();
            if (o == null && (!decoder.needsInput() || !Sources.bytesWaiting(in))) {
                // The threads have all they may hold, or a read would wait: the items in
                // flight come first.
                o = decoder.take();
            }
            if (o != null) {
                if (!take(o)) {
                    return false;
                }
                continue;
            }
            if (decoder.isFinished()) {
                return true;
            }
            if (!Sources.bytesWaiting(in)) {
                writer.syncIfPossible();
            }
            int n;
            try {
                n = in.read(chunk);
            } catch (IOException e) {
                return failed(new StrompyError(ErrorType.IO, "read error: " + e.getMessage(), e).atSource(decoder.source()), true);
            }
            if (n < 0) {
                decoder.endOfInput();
            } else {
                decoder.feed(chunk, 0, n);
            }
        }
    }

    /** @return whether the run goes on */
    private boolean take(Outcome o) {
        taken++;
        if (progress != null) {
            progress.item();
        }
        if (o.failed()) {
            return failed(o.error(), true);
        }
        ByteBuffer text = o.rendered();
        if (text != null) {
            writer.rendered(o.source(), o.item(), text);
        } else {
            writer.result(o.source(), o.item(), new Matrix(o.rows(), o.columns(), o.values()));
        }
        if (options.unbuffered()) {
            writer.sync();
        }
        return true;
    }

    /** Erases the progress bar, if one shows (a class, not a lambda: see {@link Signals}). */
    private final class ClearProgress implements Runnable {
        @Override
        public void run() {
            Progress p = progress;
            if (p != null) {
                p.clear();
            }
        }
    }

    /** Reports an error, with a record in its item's place under keep-going if {@code record}; @return whether the run goes on */
    private boolean failed(StrompyError e, boolean record) {
        if (first == null) {
            first = e;
        }
        if (firstFatal == null && !(record && e.type().itemOnly())) {
            firstFatal = e;
        }
        if (options.keepGoing() && record) {
            writer.error(e);
        }
        // Results before the error reach stdout before the error reaches stderr.
        writer.sync();
        if (progress != null) {
            progress.clear();
        }
        diagnostics.report(e);
        return options.keepGoing();
    }
}

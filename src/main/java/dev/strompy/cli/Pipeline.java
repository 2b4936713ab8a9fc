package dev.strompy.cli;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.eval.Evaluator;
import dev.strompy.eval.Fold;
import dev.strompy.eval.ItemResult;
import dev.strompy.eval.Limits;
import dev.strompy.read.ItemDecoder;
import dev.strompy.write.AsyncWriter;
import dev.strompy.write.Output;
import dev.strompy.write.ResultWriter;
import dev.strompy.write.TableStyle;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The run itself: for each source, read a chunk → feed the decoder → take outcomes → write.
 *
 * <p>By default the run stops at the first error, after everything finished before it has been
 * written. With keep-going, a failed item becomes an error record in its place, a missing file
 * is reported and skipped, and a syntax error ends only its own source. Results are written on
 * a second thread, and everything handed to it is written and flushed whenever reading is about
 * to wait, so a slow producer sees each result at once. A large file, or a stream that has given
 * as much faster than it is decoded, is decoded in {@link Blocks} on several threads.
 */
public final class Pipeline {
    /** Bytes read from a source at a time. */
    private static final int READ_BUFFER = 1 << 18;

    private final Options options;
    private final InputStream stdin;
    private final Output out;
    private final PrintStream stderr;
    private final Diagnostics diagnostics;
    private final byte[] chunk = new byte[READ_BUFFER];
    private StrompyError first;
    /** The first error that was not an item error recorded in the output. */
    private StrompyError firstFatal;
    private volatile Progress progress;
    private AsyncWriter writer;

    public Pipeline(Options options, InputStream stdin, Output out, PrintStream stderr, Diagnostics diagnostics) {
        this.options = options;
        this.stdin = stdin;
        this.out = out;
        this.stderr = stderr;
        this.diagnostics = diagnostics;
    }

    /**
     * Runs every source.
     *
     * @return the error that decides the exit status: the first one, or under
     *     {@code --on-error=record} the first that was not an item error recorded in the output;
     *     null when there is none
     * @throws StrompyError when writing to stdout fails (broken pipe, I/O)
     */
    public StrompyError run() {
        Signals.install(out, this::clearProgress);
        TableStyle table = new TableStyle(options.digits(), options.color(),
                options.withSource() || options.sources().size() > 1);
        Limits limits = new Limits(options.maxElements());
        Evaluator evaluator = new Evaluator(limits);
        try (AsyncWriter writer = new AsyncWriter(
                ResultWriter.create(options.format(), out, options.withSource(), table), out)) {
            this.writer = writer;
            writer.begin();
            for (String name : options.sources()) {
                if (!runSource(name, name.equals("-") ? options.stdinName() : name, evaluator, limits)) {
                    break;
                }
            }
            writer.end();
        }
        return options.onError() == OnError.RECORD ? firstFatal : first;
    }

    /**
     * One source: opened, read on this thread or in blocks, closed.
     *
     * @return whether to go on with the next source
     */
    private boolean runSource(String path, String name, Evaluator evaluator, Limits limits) {
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
        long[] taken = {0};
        try {
            if (Blocks.pays(size, options.jobs())) {
                return runBlocks(new Blocks(in, name, limits, options.jobs(), writer::syncIfPossible), name, taken);
            }
            // A pipe's producer takes a core of its own: blocks pay only with two more (with two
            // cores in all, 1 GB through cat took 4% longer cut into blocks).
            return runItems(in, name, evaluator, limits, taken, size < 0 && options.jobs() > 2);
        } catch (OutOfMemoryError e) {
            // What the failed item held is garbage now, so there is room to write what is
            // finished and say so. The parser may have failed halfway: the source ends here.
            StrompyError oom = new StrompyError(ErrorType.LIMIT, "out of memory: raise the heap (JAVA_OPTS=-Xmx2g, say)"
                    + " or lower --max-elements (now " + options.maxElements() + ")").atSource(name).atItem(taken[0]);
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
     * The one loop: read a chunk, feed it, take every finished outcome, write it.
     *
     * @param mayCut the source is a stream that blocks may take over, once it has given enough
     *     bytes faster than they are decoded
     */
    private boolean runItems(InputStream in, String name, Evaluator evaluator, Limits limits, long[] taken, boolean mayCut) {
        Fold fold = new Fold(evaluator, name);
        ItemDecoder items = new ItemDecoder(name, limits);
        long fed = 0;
        // Bytes read but not fed: after the last line break of a chunk, for blocks to start with.
        byte[] rest = null;
        try {
            while (true) {
                for (ItemResult r = fold.next(items); r != null; r = fold.next(items)) {
                    taken[0]++;
                    if (!take(r)) {
                        return false;
                    }
                }
                if (items.isFinished()) {
                    return true;
                }
                if (rest != null) {
                    if (items.cleanEnd() >= 0) {
                        Blocks blocks = Blocks.takeOver(in, name, limits, options.jobs(), writer::syncIfPossible, items, fold, rest);
                        items = null;
                        return runBlocks(blocks, name, taken);
                    }
                    items.feed(rest, 0, rest.length);
                    rest = null;
                    continue;
                }
                int n;
                try {
                    if (!Sources.bytesWaiting(in)) {
                        writer.syncIfPossible();
                    }
                    n = in.read(chunk);
                } catch (IOException e) {
                    return failed(readError(e, name), true);
                }
                if (n < 0) {
                    items.endOfInput();
                    continue;
                }
                fed += n;
                int cut = mayCut && fed >= Blocks.smallest() ? lastNewline(n) : 0;
                if (cut > 0 && Sources.bytesWaiting(in)) {
                    items.feed(chunk, 0, cut);
                    rest = Arrays.copyOfRange(chunk, cut, n);
                } else {
                    items.feed(chunk, 0, n);
                }
            }
        } finally {
            if (items != null) {
                items.close();
            }
        }
    }

    /** Just past the last line break in the chunk's first {@code n} bytes; 0 if there is none. */
    private int lastNewline(int n) {
        int i = n;
        while (i > 0 && chunk[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    private static StrompyError readError(IOException e, String name) {
        return new StrompyError(ErrorType.IO, "read error: " + e.getMessage(), e).atSource(name);
    }

    /** A large input decoded in blocks on several threads, its results taken in input order. */
    private boolean runBlocks(Blocks blocks, String name, long[] taken) {
        try (blocks) {
            return blocks.run(r -> {
                taken[0]++;
                return take(r);
            });
        } catch (IOException e) {
            return failed(readError(e, name), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return whether the run goes on */
    private boolean take(ItemResult r) {
        if (progress != null) {
            progress.item();
        }
        if (r.failed()) {
            return failed(r.error(), true);
        }
        writer.result(r.source(), r.item(), r.result());
        if (options.unbuffered()) {
            writer.sync();
        }
        return true;
    }

    /**
     * Whether a recorded failure costs its item only: not a syntax or read error (which end an
     * array source) nor an internal one.
     */
    private static boolean itemError(StrompyError e) {
        ErrorType t = e.type();
        return t != ErrorType.SYNTAX && t != ErrorType.IO && t != ErrorType.INTERNAL && t != ErrorType.NO_INPUT;
    }

    private void clearProgress() {
        Progress p = progress;
        if (p != null) {
            p.clear();
        }
    }

    /**
     * Reports an error.
     *
     * @param record the error belongs to an item: under keep-going it gets a record in its place
     * @return whether the run goes on
     */
    private boolean failed(StrompyError e, boolean record) {
        if (first == null) {
            first = e;
        }
        if (firstFatal == null && !(record && itemError(e))) {
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

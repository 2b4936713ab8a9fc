package dev.strompy.cli;

import dev.strompy.error.StrompyError;
import dev.strompy.eval.Evaluator;
import dev.strompy.read.Outcome;
import dev.strompy.read.PausingInput;
import dev.strompy.read.ReadLimits;
import dev.strompy.read.ResultReader;
import dev.strompy.write.AsyncWriter;
import dev.strompy.write.Output;
import dev.strompy.write.ResultWriter;
import dev.strompy.write.TableStyle;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * The run itself: sources → items → evaluation → writer, one item at a time.
 *
 * <p>By default the run stops at the first error, after everything finished before it has been
 * written. With keep-going, a failed item becomes an error record in its place, a missing file
 * is reported and skipped, and a syntax error ends only its own source. Results are written on
 * a second thread, and everything handed to it is written and flushed whenever reading is about
 * to wait, so a slow producer sees each result at once.
 */
public final class Pipeline {
    /** Bytes read from a source at a time. */
    private static final int READ_BUFFER = 1 << 18;

    private final Options options;
    private final InputStream stdin;
    private final Output out;
    private final PrintStream stderr;
    private final Diagnostics diagnostics;
    private StrompyError first;
    private Progress progress;
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
     * @return the first error, or null when all went well
     * @throws StrompyError when writing to stdout fails (broken pipe, I/O)
     */
    public StrompyError run() {
        TableStyle table = new TableStyle(options.digits(), options.color(),
                options.withSource() || options.sources().size() > 1);
        Evaluator evaluator = new Evaluator(options.maxElements());
        ReadLimits limits = new ReadLimits(options.maxElements());
        try (AsyncWriter writer = new AsyncWriter(
                ResultWriter.create(options.format(), out, options.withSource(), table), out)) {
            this.writer = writer;
            writer.begin();
            for (String name : options.sources()) {
                if (!runSource(name, evaluator, limits)) {
                    break;
                }
            }
            writer.end();
        }
        return first;
    }

    /** @return whether to go on with the next source */
    private boolean runSource(String name, Evaluator evaluator, ReadLimits limits) {
        InputStream raw;
        try {
            raw = Sources.open(name, stdin);
        } catch (StrompyError e) {
            return failed(e, false);
        }
        progress = Progress.forSource(name, Sources.size(name), options.progress(), stderr, options.terminal());
        InputStream counted = progress == null ? raw : progress.count(raw);
        // A large buffer above the pause check: a few hundred reads (and availability checks) per
        // 100 MB instead of one per 8 KB parser buffer; the check still runs before any read that
        // would wait.
        InputStream in = new BufferedInputStream(new PausingInput(counted, writer::syncIfPossible), READ_BUFFER);
        try (ResultReader results = new ResultReader(in, name, limits, evaluator)) {
            for (Outcome o = results.next(); o != null; o = results.next()) {
                if (progress != null) {
                    progress.item();
                }
                if (o.failed()) {
                    if (!failed(o.error(), true)) {
                        return false;
                    }
                } else {
                    writer.result(o.source(), o.item(), o.result());
                    if (options.unbuffered()) {
                        writer.sync();
                    }
                }
            }
        } finally {
            if (progress != null) {
                progress.clear();
                progress = null;
            }
        }
        return true;
    }

    /** Reports an error; @return whether the run goes on. */
    private boolean failed(StrompyError e, boolean record) {
        if (first == null) {
            first = e;
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

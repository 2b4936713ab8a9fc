package dev.strompy.cli;

import dev.strompy.error.StrompyError;
import dev.strompy.eval.Evaluator;
import dev.strompy.read.Outcome;
import dev.strompy.read.PausingInput;
import dev.strompy.read.ReadLimits;
import dev.strompy.read.ResultReader;
import dev.strompy.write.Output;
import dev.strompy.write.ResultWriter;
import java.io.InputStream;

/**
 * The run itself: sources → items → evaluation → writer, one item at a time.
 *
 * <p>By default the run stops at the first error, after everything finished before it has been
 * written. With keep-going, a failed item becomes an error record in its place, a missing file
 * is reported and skipped, and a syntax error ends only its own source. Output is flushed
 * whenever reading is about to wait, so a slow producer sees each result at once.
 */
public final class Pipeline {
    private final Options options;
    private final InputStream stdin;
    private final Output out;
    private final Diagnostics diagnostics;
    private StrompyError first;

    public Pipeline(Options options, InputStream stdin, Output out, Diagnostics diagnostics) {
        this.options = options;
        this.stdin = stdin;
        this.out = out;
        this.diagnostics = diagnostics;
    }

    /**
     * Runs every source.
     *
     * @return the first error, or null when all went well
     * @throws StrompyError when writing to stdout fails (broken pipe, I/O)
     */
    public StrompyError run() {
        ResultWriter writer = ResultWriter.create(options.format(), out, options.withSource());
        Evaluator evaluator = new Evaluator(options.maxElements());
        ReadLimits limits = new ReadLimits(options.maxElements());
        writer.begin();
        for (String name : options.sources()) {
            if (!runSource(name, writer, evaluator, limits)) {
                break;
            }
        }
        writer.end();
        out.flush();
        return first;
    }

    /** @return whether to go on with the next source */
    private boolean runSource(String name, ResultWriter writer, Evaluator evaluator, ReadLimits limits) {
        InputStream raw;
        try {
            raw = Sources.open(name, stdin);
        } catch (StrompyError e) {
            return failed(e, writer, false);
        }
        InputStream in = new PausingInput(raw, out::flushIfPossible);
        try (ResultReader results = new ResultReader(in, name, limits, evaluator)) {
            for (Outcome o = results.next(); o != null; o = results.next()) {
                if (o.failed()) {
                    if (!failed(o.error(), writer, true)) {
                        return false;
                    }
                } else {
                    writer.result(o.source(), o.item(), o.result());
                    if (options.unbuffered()) {
                        out.flush();
                    }
                }
            }
        }
        return true;
    }

    /** Reports an error; @return whether the run goes on. */
    private boolean failed(StrompyError e, ResultWriter writer, boolean record) {
        if (first == null) {
            first = e;
        }
        if (options.keepGoing() && record) {
            writer.error(e);
        }
        // Results before the error reach stdout before the error reaches stderr.
        out.flush();
        diagnostics.report(e);
        return options.keepGoing();
    }
}

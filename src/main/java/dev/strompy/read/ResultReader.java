package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.eval.Evaluator;
import dev.strompy.eval.Matrix;
import java.io.InputStream;

/**
 * One source's items, evaluated as they are read: one {@link Outcome} per item, in order.
 *
 * <p>An item that fails yields a failed outcome in its place and reading goes on with the next
 * item, so the n-th outcome belongs to the n-th item. A syntax or read error ends the source:
 * it is the last outcome. Whether to go on after a failure is the caller's choice: it may stop
 * pulling at any time.
 */
public final class ResultReader implements AutoCloseable {
    private final WorkItemReader items;
    private final Evaluator evaluator;
    private final String source;
    private StrompyError pending;
    private boolean ended;

    /**
     * @param in the raw bytes of the source; closed by {@link #close()}
     * @param source the name used in outcomes and messages ({@code -} for stdin)
     */
    public ResultReader(InputStream in, String source, ReadLimits limits, Evaluator evaluator) {
        this.items = new WorkItemReader(in, limits);
        this.evaluator = evaluator;
        this.source = source;
    }

    /**
     * Reads and evaluates the next item.
     *
     * @return its outcome, or null when the source has ended
     */
    public Outcome next() {
        if (pending != null) {
            StrompyError e = pending;
            pending = null;
            return fail(e);
        }
        if (ended) {
            return null;
        }
        WorkItem item;
        try {
            item = items.next();
        } catch (StrompyError e) {
            return fail(e);
        }
        if (item == null) {
            ended = true;
            return null;
        }
        try {
            Matrix result = evaluator.evaluate(item.lhs(), item.ops());
            return Outcome.success(source, item.index(), result);
        } catch (StrompyError e) {
            return fail(e.atItem(item.index()).atPosition(item.opLine(), item.opColumn()));
        }
    }

    private Outcome fail(StrompyError e) {
        e.atSource(source);
        if (endsSource(e)) {
            ended = true;
        } else if (!ended) {
            try {
                items.skipItem();
            } catch (StrompyError later) {
                // The rest of the failed item is malformed too: report that next, then stop.
                pending = later.atSource(source);
                ended = true;
            }
        }
        return Outcome.failure(source, e);
    }

    private static boolean endsSource(StrompyError e) {
        return e.type() == ErrorType.SYNTAX || e.type() == ErrorType.IO || e.type() == ErrorType.INTERNAL;
    }

    @Override
    public void close() {
        items.close();
    }
}

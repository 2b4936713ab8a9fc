package dev.strompy.eval;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.util.List;

/**
 * The fold, the one place where items are evaluated: each op takes the running result as its
 * left operand, applied as soon as the reader hands it on, so a chain of any length needs the
 * memory of its largest matrix. When an op fails, the item's later parts are dropped as they
 * come and the op's failure is its outcome, unless the reader then fails it with a syntax error.
 */
public final class Fold {
    private final Evaluator evaluator;
    private final String source;
    private Matrix running;
    /** The failure of an op of the item being read, while its remaining parts are dropped. */
    private StrompyError failed;

    /** @param source the source name put on outcomes */
    public Fold(Evaluator evaluator, String source) {
        this.evaluator = evaluator;
        this.source = source;
    }

    /** {@return the next item's result or failure, taking parts until it is done; null when {@code parts} has no more for now} */
    public ItemResult next(Part.Source parts) {
        for (Part part = parts.next(); part != null; part = parts.next()) {
            ItemResult r = take(part);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** {@return the outcome of an item whose parts are all at hand} */
    public ItemResult of(List<Part> parts) {
        ItemResult r = null;
        for (int i = 0; r == null && i < parts.size(); i++) {
            r = take(parts.get(i));
        }
        return r;
    }

    /** Takes one part; @return the item's outcome once it is decided, else null */
    private ItemResult take(Part part) {
        if (part instanceof Part.Failure f) {
            StrompyError e = failed != null && f.error().type() != ErrorType.SYNTAX ? failed : f.error();
            reset();
            return ItemResult.failure(source, e);
        }
        if (failed != null) {
            if (part instanceof Part.End) {
                StrompyError e = failed;
                reset();
                return ItemResult.failure(source, e);
            }
        } else if (part instanceof Part.Lhs lhs) {
            running = lhs.matrix();
        } else if (part instanceof Part.Step step) {
            try {
                running = evaluator.apply(running, step.op());
            } catch (StrompyError e) {
                running = null;
                failed = e.atOp(step.index(), step.op().code().code()).atPosition(step.line(), step.column());
            }
        } else {
            Matrix result = running;
            running = null;
            return ItemResult.success(source, result);
        }
        return null;
    }

    /** Forgets any item half evaluated: the parts that come next start a new one. */
    public void reset() {
        running = null;
        failed = null;
    }
}

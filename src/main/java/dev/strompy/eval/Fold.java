package dev.strompy.eval;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;

/**
 * The fold: each op takes the running result as its left operand, applied as soon as the reader
 * hands it on. This is the one place where items are evaluated, for the command line and the
 * Java API alike.
 *
 * <p>It holds one running matrix at a time, so a chain of any length is evaluated in the memory
 * of its largest matrix. A failed op ends its item: the failure is given in the item's place and
 * the rest of the item's parts are dropped as they come. The reader is not told: it reads the
 * rest of the item as it would anyway, so what comes out never depends on how far ahead of the
 * fold it has read (a reader on another thread may be items ahead). Only a syntax error in that
 * rest still comes out, as a second failure for the item, since it changes where reading goes on.
 */
public final class Fold {
    private final Evaluator evaluator;
    private final String source;
    private Matrix running;
    /** The item whose evaluation failed, while its remaining parts are being dropped; else -1. */
    private long dropping = -1;

    /** @param source the source name put on evaluation errors */
    public Fold(Evaluator evaluator, String source) {
        this.evaluator = evaluator;
        this.source = source;
    }

    /**
     * Takes parts from {@code parts} until an item is done.
     *
     * @return the item's result or failure, or null when {@code parts} has no more for now
     */
    public ItemResult next(Part.Source parts) {
        for (Part part = parts.next(); part != null; part = parts.next()) {
            if (dropping >= 0 && drop(part)) {
                continue;
            }
            if (part instanceof Part.Lhs lhs) {
                running = lhs.matrix();
            } else if (part instanceof Part.Step step) {
                try {
                    running = evaluator.apply(running, step.op());
                } catch (StrompyError e) {
                    running = null;
                    dropping = step.item();
                    return ItemResult.failure(source, e.atOp(step.index(), step.op().code().code())
                            .atItem(step.item()).atPosition(step.line(), step.column()));
                }
            } else if (part instanceof Part.End end) {
                Matrix result = running;
                running = null;
                return ItemResult.success(source, end.item(), result);
            } else {
                running = null;
                return ItemResult.failure(source, ((Part.Failure) part).error());
            }
        }
        return null;
    }

    /**
     * Whether a part belongs to the failed item being dropped. Its end, or a failure of its own,
     * is the last such part; a syntax error is not dropped: it is reported as it would be for
     * any item.
     */
    private boolean drop(Part part) {
        boolean syntax = part instanceof Part.Failure f && f.error().type() == ErrorType.SYNTAX;
        if (syntax || itemOf(part) != dropping) {
            dropping = -1;
            return false;
        }
        if (part instanceof Part.End || part instanceof Part.Failure) {
            dropping = -1;
        }
        return true;
    }

    private static long itemOf(Part part) {
        if (part instanceof Part.Lhs lhs) {
            return lhs.item();
        } else if (part instanceof Part.Step step) {
            return step.item();
        } else if (part instanceof Part.End end) {
            return end.item();
        }
        return ((Part.Failure) part).error().item();
    }
}

package dev.strompy.eval;

import dev.strompy.error.StrompyError;

/**
 * The fold: each op takes the running result as its left operand, applied as soon as the reader
 * hands it on. This is the one place where items are evaluated, for the command line and the
 * Java API alike.
 *
 * <p>It holds one running matrix at a time, so a chain of any length is evaluated in the memory
 * of its largest matrix. A failed op ends its item: the fold tells the reader to skip the rest
 * and gives the failure in the item's place.
 */
public final class Fold {
    private final Evaluator evaluator;
    private final String source;
    private Matrix running;

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
            if (part instanceof Part.Lhs lhs) {
                running = lhs.matrix();
            } else if (part instanceof Part.Step step) {
                try {
                    running = evaluator.apply(running, step.op());
                } catch (StrompyError e) {
                    running = null;
                    parts.skipItem();
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
}

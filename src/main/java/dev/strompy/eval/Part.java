package dev.strompy.eval;

import dev.strompy.error.StrompyError;

/**
 * What a reader hands the {@link Fold}, in input order: for each item its {@code lhs}, then each
 * op as soon as it has been read, then the item's end; or a failure in the item's place. Parts
 * carry no item number: items are numbered as their outcomes are handed on, in input order.
 *
 * <p>Ops that came before {@code lhs} in the input are handed on right after it.
 */
public sealed interface Part {
    /** The end of every item. */
    End END = new End();

    /** The item's left operand: the fold starts a new running result. */
    record Lhs(Matrix matrix) implements Part {
    }

    /**
     * One op of the item, with the position of its opening brace.
     *
     * @param index 0-based index of the op in the item
     */
    record Step(long index, Op op, long line, long column) implements Part {
    }

    /** The item's closing brace: its running result is final. */
    record End() implements Part {
    }

    /**
     * An item that could not be read, or an error that ends the source. The reader has already
     * moved past the item, or stopped.
     */
    record Failure(StrompyError error) implements Part {
    }

    /** Where parts come from: a reader over one source. */
    interface Source {
        /** The next part, or null when none is ready (more input is needed, or the source ended). */
        Part next();
    }
}

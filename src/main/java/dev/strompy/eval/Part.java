package dev.strompy.eval;

import dev.strompy.error.StrompyError;

/**
 * What a reader hands the {@link Fold}, in input order: for each item its {@code lhs}, then each
 * op as soon as it has been read (those before {@code lhs} right after it), then the item's end;
 * or a failure in the item's place. Items are numbered as their outcomes are handed on.
 */
public sealed interface Part {
    /** The end of every item. */
    End END = new End();

    /** The item's left operand: the fold starts a new running result. */
    record Lhs(Matrix matrix) implements Part {
    }

    /** One op of the item, with its 0-based {@code index} and the position of its opening brace. */
    record Step(long index, Op op, long line, long column) implements Part {
    }

    /** The item's closing brace: its running result is final. */
    record End() implements Part {
    }

    /** An item that could not be read, or an error that ends the source: the reader has moved past it, or stopped. */
    record Failure(StrompyError error) implements Part {
    }

    /** Where parts come from: a reader over one source. */
    interface Source {
        /** The next part, or null when none is ready (more input is needed, or the source ended). */
        Part next();
    }
}

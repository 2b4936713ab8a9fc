package dev.strompy.read;

import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;

/**
 * What became of one item: its result, or the error it failed with (never both).
 *
 * @param source the source name, {@code -} for stdin
 * @param item 0-based index of the item in its source; -1 for an error outside any item
 * @param result the result, or null on failure
 * @param error the failure, or null on success
 */
public record Outcome(String source, long item, Matrix result, StrompyError error) {
    public static Outcome success(String source, long item, Matrix result) {
        return new Outcome(source, item, result, null);
    }

    public static Outcome failure(String source, StrompyError error) {
        return new Outcome(source, error.item(), null, error);
    }

    public boolean failed() {
        return error != null;
    }
}

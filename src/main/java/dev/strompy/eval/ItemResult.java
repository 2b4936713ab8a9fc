package dev.strompy.eval;

import dev.strompy.error.StrompyError;

/**
 * What became of one item: its result, or the error it failed with (never both).
 *
 * @param source the source name, {@code -} for stdin
 * @param item 0-based index of the item in its source; -1 for an error outside any item
 * @param result the result, or null on failure
 * @param error the failure, with its source, or null on success
 */
public record ItemResult(String source, long item, Matrix result, StrompyError error) {
    public static ItemResult success(String source, long item, Matrix result) {
        return new ItemResult(source, item, result, null);
    }

    public static ItemResult failure(String source, StrompyError error) {
        StrompyError placed = error.atSource(source);
        return new ItemResult(source, placed.item(), null, placed);
    }

    public boolean failed() {
        return error != null;
    }
}

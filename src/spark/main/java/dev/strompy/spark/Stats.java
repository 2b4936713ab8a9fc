package dev.strompy.spark;

import dev.strompy.error.ErrorType;
import java.io.Serializable;

/**
 * What the second stage did with one part: its items, its failures by type, and its first
 * failure (with {@code --on-error=stop}, where it stopped).
 *
 * @param failed failures by {@link ErrorType} ordinal
 * @param firstFailed the item number of the first failure, -1 when none failed
 * @param firstFatal the first failure that is not an item's alone (see {@link ErrorType#itemOnly()}), as the CLI reports it, or null
 * @param firstError the first failure, as the CLI reports it ({@code strompy: FILE:LINE:COL: ...}), or null
 */
record Stats(int index, long items, long[] failed, long firstFailed, ErrorType firstType, String firstError,
        ErrorType fatalType, String firstFatal) implements Serializable {
}

package dev.strompy.eval;

import dev.strompy.error.StrompyError;

/**
 * What became of one item of {@code source}: its {@code result}, or the {@code error} it failed
 * with (never both). {@code item} is its 0-based index, {@link #UNNUMBERED} until it is handed on
 * in input order, -1 for an error outside any item. {@code rendered}: the result's bytes, when a
 * renderer has made them, else null.
 */
public record ItemResult(String source, long item, Matrix result, StrompyError error, byte[] rendered) {
    /** The item number of an item's outcome before it is handed on. */
    public static final long UNNUMBERED = -2;

    public ItemResult(String source, long item, Matrix result, StrompyError error) {
        this(source, item, result, error, null);
    }

    public static ItemResult success(String source, Matrix result) {
        return new ItemResult(source, UNNUMBERED, result, null);
    }

    public static ItemResult failure(String source, StrompyError error) {
        return new ItemResult(source, UNNUMBERED, null, error.atSource(source));
    }

    /** A failure outside any item: the source is not UTF-8, or its array is malformed between items. */
    public static ItemResult outsideItems(String source, StrompyError error) {
        return new ItemResult(source, -1, null, error.atSource(source));
    }

    /** {@return this outcome as item {@code n}'s; an outcome outside items stays as it is} */
    public ItemResult numbered(long n) {
        return item != UNNUMBERED ? this : new ItemResult(source, n, result, error == null ? null : error.atItem(n), rendered);
    }

    /** {@return this outcome, found in a part of its source numbered from line 1, placed {@code lines} further down} */
    public ItemResult linesDown(long lines) {
        return error == null || lines == 0 ? this : new ItemResult(source, item, result, error.linesDown(lines), rendered);
    }

    /** {@return this outcome with its result's bytes} */
    public ItemResult rendered(byte[] bytes) {
        return new ItemResult(source, item, result, error, bytes);
    }

    public boolean failed() {
        return error != null;
    }
}

package dev.strompy;

import dev.strompy.error.StrompyError;
import dev.strompy.eval.ItemResult;
import dev.strompy.eval.Matrix;
import java.nio.ByteBuffer;

/**
 * What became of one item: its result, or the error it failed with (never both).
 *
 * <p>Immutable; the rows returned by {@link #result()} are a fresh copy on each call.
 */
public final class Outcome {
    private final String source;
    private final long item;
    private final Matrix result;
    private final StrompyError error;
    private final byte[] rendered;

    private Outcome(String source, long item, Matrix result, StrompyError error, byte[] rendered) {
        this.source = source;
        this.item = item;
        this.result = result;
        this.error = error;
        this.rendered = rendered;
    }

    static Outcome of(ItemResult r) {
        return new Outcome(r.source(), r.item(), r.result(), r.error(), r.rendered());
    }

    /** {@return whether the item failed: then {@link #error()} says why and {@link #result()} is null} */
    public boolean failed() {
        return error != null;
    }

    /** {@return the result as an array of rows, or null when the item failed} */
    public double[][] result() {
        return result == null ? null : result.toRows();
    }

    /** {@return the number of rows of the result; 0 when the item failed} */
    public int rows() {
        return result == null ? 0 : result.rows();
    }

    /** {@return the number of columns of the result; 0 when the item failed} */
    public int columns() {
        return result == null ? 0 : result.cols();
    }

    /** {@return the result's entries row by row (row-major), a fresh copy, or null when the item failed} */
    public double[] values() {
        return result == null ? null : result.data().clone();
    }

    /**
     * {@return the bytes the decoder's {@link Renderer} made of the result, as a read-only buffer
     * from its position 0, or null when the item failed or the decoder has no renderer}
     *
     * @see StrompyDecoder.Builder#render
     */
    public ByteBuffer rendered() {
        return rendered == null ? null : ByteBuffer.wrap(rendered).asReadOnlyBuffer();
    }

    /** {@return why the item failed, with its place (source, line, column, item, op), or null} */
    public StrompyError error() {
        return error;
    }

    /** {@return the name of the source the item came from ({@code -} unless one was given)} */
    public String source() {
        return source;
    }

    /** {@return the 0-based index of the item in its source; -1 for a failure outside any item (input not UTF-8)} */
    public long item() {
        return item;
    }

    /**
     * {@return the result as an array of rows}
     *
     * @throws StrompyError the item's error, when it failed
     */
    public double[][] orThrow() {
        if (error != null) {
            throw error;
        }
        return result();
    }

    @Override
    public String toString() {
        return failed() ? "Outcome[" + error.describe() + "]"
                : "Outcome[" + source + " item " + item + ": " + result.rows() + "x" + result.cols() + "]";
    }
}

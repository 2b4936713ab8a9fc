package dev.strompy.read;

import dev.strompy.error.StrompyError;
import dev.strompy.eval.Part;
import java.util.List;

/**
 * One item as the {@link Framer} cut it from its source: the item's bytes and where they start.
 * Items are numbered as their outcomes are handed on, in input order. What a frame holds depends only on the bytes of the source, never on how they were
 * fed.
 *
 * <p>A frame is one of:
 * <ul>
 *   <li>whole: {@link #bytes()} from {@link #offset()}, {@link #length()} long, hold the item;
 *       when {@link #error()} is set, the framer found a syntax error where the bytes end (or a
 *       new item starting there), and the item fails with it unless the parser finds one
 *       before;</li>
 *   <li>read already ({@link #parts()} not null): the {@link LineScanner} read the item while
 *       cutting it;</li>
 *   <li>large ({@link #large()}): longer than the frame limit, so its bytes come in pieces from
 *       {@link Framer#piece()} as they are fed;</li>
 *   <li>a failure outside any item ({@link #outsideItems()}): the source is not UTF-8, or its
 *       array is malformed between items. It ends the source.</li>
 * </ul>
 *
 * <p>The bytes belong to the framer: they stay as they are while the frame is used, but a
 * caller that keeps a frame past the next call to the framer must copy them or ask for frames
 * that are kept ({@code Framer}'s {@code keep}).
 */
public final class Frame {
    private final byte[] bytes;
    private final int offset;
    private final int length;
    private final boolean outsideItems;
    private final long line;
    private final long column;
    private final StrompyError error;
    private final List<Part> parts;
    private final boolean large;
    private final boolean scan;

    private Frame(byte[] bytes, int offset, int length, boolean outsideItems, long line, long column, StrompyError error,
            List<Part> parts, boolean large, boolean scan) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.outsideItems = outsideItems;
        this.line = line;
        this.column = column;
        this.error = error;
        this.parts = parts;
        this.large = large;
        this.scan = scan;
    }

    static Frame whole(byte[] bytes, int offset, int length, long line, long column, StrompyError error, boolean scan) {
        return new Frame(bytes, offset, length, false, line, column, error, null, false, scan);
    }

    static Frame read(List<Part> parts, long line, long column) {
        return new Frame(null, 0, 0, false, line, column, null, parts, false, false);
    }

    static Frame large(long line, long column) {
        return new Frame(null, 0, 0, false, line, column, null, null, true, false);
    }

    static Frame failure(StrompyError error) {
        return new Frame(null, 0, 0, true, error.line(), error.column(), error, null, false, false);
    }

    /** {@return the array that holds the item's bytes, or null when it has none} */
    public byte[] bytes() {
        return bytes;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    /** {@return the 1-based line of the item's first byte} */
    public long line() {
        return line;
    }

    /** {@return the 1-based column of the item's first byte, counted in bytes} */
    public long column() {
        return column;
    }

    /**
     * {@return the syntax error the framer found where the bytes end, or the failure of a frame
     * outside any item; null for an item whose bytes the framer found nothing wrong with}
     */
    public StrompyError error() {
        return error;
    }

    /** {@return the item's parts, when the line scanner read it as it was cut; else null} */
    public List<Part> parts() {
        return parts;
    }

    /** {@return whether the item is longer than the frame limit: its bytes come as pieces} */
    public boolean large() {
        return large;
    }

    /** {@return whether the line scanner may read the item: the framer did not try it yet} */
    boolean scan() {
        return scan;
    }

    /** {@return whether this is a failure outside any item, which ends its source} */
    public boolean outsideItems() {
        return outsideItems;
    }
}

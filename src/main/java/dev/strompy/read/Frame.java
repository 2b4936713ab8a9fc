package dev.strompy.read;

import dev.strompy.error.StrompyError;
import dev.strompy.eval.Part;
import java.util.List;

/**
 * One item as the {@link Framer} cut it from its source, one of:
 * <ul>
 *   <li>whole: {@code bytes[offset, offset + length)} hold the item, which starts at
 *       {@code line} and {@code column} (in bytes, from 1); with {@code error} set, the framer
 *       found that syntax error where the bytes end (or a new item starting there), and the item
 *       fails with it unless the parser finds one before;</li>
 *   <li>read already ({@code parts} not null): the {@link LineScanner} read it as it was cut;</li>
 *   <li>{@code large}: longer than the frame limit, its bytes come from {@link Framer#piece()};</li>
 *   <li>a failure {@code outsideItems} (in {@code error}): the source is not UTF-8, or its array
 *       is malformed between items. It ends the source.</li>
 * </ul>
 * What a frame holds depends only on the bytes of the source. Its bytes are the framer's: they
 * stay as they are until the next call to the framer.
 *
 * @param scan whether the line scanner may still read the item (it has not tried yet)
 */
public record Frame(byte[] bytes, int offset, int length, long line, long column, StrompyError error, List<Part> parts,
        boolean large, boolean scan, boolean outsideItems) {
    static Frame whole(byte[] bytes, int offset, int length, long line, long column, StrompyError error, boolean scan) {
        return new Frame(bytes, offset, length, line, column, error, null, false, scan, false);
    }

    static Frame read(List<Part> parts, long line, long column) {
        return new Frame(null, 0, 0, line, column, null, parts, false, false, false);
    }

    static Frame large(long line, long column) {
        return new Frame(null, 0, 0, line, column, null, null, true, false, false);
    }

    static Frame failure(StrompyError error) {
        return new Frame(null, 0, 0, error.line(), error.column(), error, null, false, false, true);
    }
}

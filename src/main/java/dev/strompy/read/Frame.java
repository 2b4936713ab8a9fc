package dev.strompy.read;

import dev.strompy.error.StrompyError;
import dev.strompy.eval.Part;
import java.util.List;

/**
 * One item as the {@link Framer} cut it, from {@code line} and {@code column}: whole, in
 * {@code bytes[offset, offset + length)} (the framer's until its next call), failing with
 * {@code error} unless the parser finds a syntax error before; read already ({@code parts});
 * {@code large}, its bytes to come from {@link Framer#piece()}; or a failure {@code outsideItems}
 * that ends the source. {@code scan}: the line scanner may still read it.
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

package dev.strompy.read;

import dev.strompy.error.StrompyError;

/** The bytes of a large frame, handed on in pieces at fixed offsets from its first byte. */
final class Pieces {
    private final int size;
    /** The stream offset of the next piece. */
    private long at;
    /** Where the last piece handed out starts in the window: kept until the next is taken. */
    int handed;
    /** The stream offset where the frame's bytes end, once found, and the error there. */
    long end = -1;
    StrompyError error;
    boolean open;
    boolean skipping;

    Pieces(int size) {
        this.size = size;
    }

    /** A large frame starts at {@code in.buf[start]}. */
    void start(Window in, int start) {
        open = true;
        skipping = false;
        at = in.base + start;
        handed = start;
        end = -1;
    }

    /** {@return whether the bytes looked at hold the next piece, or the frame's end} */
    boolean ready(Window in) {
        return end >= 0 || in.base + in.pos >= at + size;
    }

    /** {@return the next piece: {@link #ready} said it is there} */
    Framer.Piece next(Window in) {
        handed = (int) (at - in.base);
        if (end >= 0 && end <= at + size) {
            open = false;
            return new Framer.Piece(in.buf, handed, (int) (end - at), true, error);
        }
        at += size;
        return new Framer.Piece(in.buf, handed, size, false, null);
    }
}

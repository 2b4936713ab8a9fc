package dev.strompy.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Lines as Jackson counts them ('\n', "\r\n" and a lone '\r' one each; columns in bytes from 1),
 * and the lines a source may be cut into blocks at, where a {@link Framer} can start.
 */
public final class Lines {
    /** The line of the bytes looked at last. */
    long line = 1;
    /** The stream offset the line starts at. */
    long lineStart;
    /** The stream offset of the last '\r', whose '\n' (if one follows) ends no second line. */
    private long lastReturn = -2;

    Lines() {
    }

    /** Counts the line break {@code b} ('\n' or '\r') at stream offset {@code at}. */
    void lineBreak(long at, byte b) {
        if (b == '\r') {
            lastReturn = at;
            line++;
        } else if (lastReturn != at - 1) {
            line++;
        }
        lineStart = at + 1;
    }

    /** {@return the column of the byte at stream offset {@code at}} */
    long column(long at) {
        return at - lineStart + 1;
    }

    /** {@return how many lines {@code b[from, to)}, which ends with a '\n', ends}: eight bytes at a time */
    public static long count(byte[] b, int from, int to) {
        long lines = 0;
        int p = from;
        for (; to - p >= 8; p += 8) {
            long w = word(b, p);
            lines += Long.bitCount(zero(w ^ 0x0A0A0A0A0A0A0A0AL));
            if (zero(w ^ 0x0D0D0D0D0D0D0D0DL) != 0) {
                for (int i = p; i < p + 8; i++) {
                    lines += loneReturn(b, i, to) ? 1 : 0;
                }
            }
        }
        for (; p < to; p++) {
            lines += b[p] == '\n' || loneReturn(b, p, to) ? 1 : 0;
        }
        return lines;
    }

    /**
     * {@return where the first (or {@code last}) line that starts an item ({@link ItemCut#startsItem},
     * with the bytes of its key there to tell) starts in {@code b(after, to)}, just after a '\n';
     * -1 when none does}: a place to cut a source at, where a framer can start ({@link Framer#startAt})
     */
    public static int cut(byte[] b, int after, int to, boolean last) {
        for (int k = 1; k < to - after; k++) {
            int i = last ? to - k : after + k;
            if (b[i] == '{' && b[i - 1] == '\n' && ItemCut.startsItem(b, i, to, false, false) == 1) {
                return i;
            }
        }
        return -1;
    }

    /** The eight bytes at {@code b[p]} as one little-endian word. */
    private static long word(byte[] b, int p) {
        return (long) Words.LONGS.get(b, p);
    }

    /** Bit 7 set in each byte of {@code v} that is zero, and in no other. */
    private static long zero(long v) {
        long y = (v & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
        return ~(y | v | 0x7F7F7F7F7F7F7F7FL);
    }

    /** Made the first time a large input is cut into blocks: a small input's start-up never pays for it. */
    private static final class Words {
        static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    }

    private static boolean loneReturn(byte[] b, int i, int to) {
        return b[i] == '\r' && (i + 1 >= to || b[i + 1] != '\n');
    }
}

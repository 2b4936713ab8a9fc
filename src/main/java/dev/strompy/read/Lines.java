package dev.strompy.read;

/**
 * Lines as the framer counts them, as Jackson does ('\n', "\r\n" and a lone '\r' one each;
 * columns in bytes from 1), so that positions inside a frame, which Jackson gives, add up to the
 * framer's; and the lines a source may be cut into blocks at, where a {@link Framer} can start.
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

    /**
     * {@return how many lines {@code b[from, to)} ends} ('\n', "\r\n" and a lone '\r' one
     * each), for bytes that end with a '\n': eight at a time, since all but a few hold none.
     */
    public static long count(byte[] b, int from, int to) {
        long lines = 0;
        int p = from;
        for (; to - p >= 8; p += 8) {
            long w = ItemCut.word(b, p);
            lines += Long.bitCount(ItemCut.zero(w ^ 0x0A0A0A0A0A0A0A0AL));
            if (ItemCut.zero(w ^ 0x0D0D0D0D0D0D0D0DL) != 0) {
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

    private static boolean loneReturn(byte[] b, int i, int to) {
        return b[i] == '\r' && (i + 1 >= to || b[i + 1] != '\n');
    }
}

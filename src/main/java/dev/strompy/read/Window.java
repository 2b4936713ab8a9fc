package dev.strompy.read;

/**
 * The bytes of a source fed and still needed: {@code buf[0, end)} hold stream offsets {@code base}
 * on, {@code pos} is the next to look at, {@link #lines} where it is. Room is made by dropping
 * the bytes before the first still needed.
 */
final class Window {
    private static final int INITIAL = 1 << 8;

    byte[] buf = new byte[INITIAL];
    int pos;
    int end;
    long base;
    /** Just past the last '\n' in the buffer: the line scanner reads whole lines only. */
    int wholeLines;
    boolean ended;
    final Lines lines = new Lines();
    /** The last byte dropped that is not whitespace (0 if none). */
    private byte lastDropped;

    /**
     * Copies {@code bytes[offset, offset + length)}, dropping the bytes before {@code keep} if room
     * is needed; @return how many were dropped, by which indexes moved down
     */
    int feed(byte[] bytes, int offset, int length, int keep) {
        int dropped = room(length, keep);
        System.arraycopy(bytes, offset, buf, end, length);
        fed(length);
        return dropped;
    }

    /** Takes {@code bytes[0, length)} over without a copy, before any other byte. */
    void adopt(byte[] bytes, int length) {
        buf = bytes;
        fed(length);
    }

    /** Forgets every byte: nothing more is read. */
    void drop() {
        buf = new byte[0];
        pos = 0;
        end = 0;
        wholeLines = 0;
    }

    /** {@return the column of {@code buf[p]}} */
    long column(int p) {
        return lines.column(base + p);
    }

    /** {@return the last byte before {@code buf[p]} that is not whitespace, dropped or not (0 if none)} */
    byte lastBefore(int p) {
        for (int i = p - 1; i >= 0; i--) {
            if (!blank(buf[i])) {
                return buf[i];
            }
        }
        return lastDropped;
    }

    private static boolean blank(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /** Skips whitespace from {@link #pos}, counting lines; @return the next other byte's index, or -1 if none */
    int skipBlanks() {
        byte[] b = buf;
        int p = pos;
        while (p < end) {
            byte c = b[p];
            if (c == '\n' || c == '\r') {
                lines.lineBreak(base + p, c);
            } else if (c != ' ' && c != '\t') {
                pos = p;
                return p;
            }
            p++;
        }
        pos = p;
        return -1;
    }

    /** Skips to the end of the line, not its line break; @return whether it came */
    boolean skipLine() {
        int p = pos;
        while (p < end && buf[p] != '\n' && buf[p] != '\r') {
            p++;
        }
        pos = p;
        return p < end;
    }

    private void fed(int length) {
        int from = end;
        end += length;
        for (int i = end - 1; i >= from; i--) {
            if (buf[i] == '\n') {
                wholeLines = i + 1;
                break;
            }
        }
    }

    /** Makes room for {@code more} bytes after {@link #end}, dropping those before {@code keep}. */
    private int room(int more, int keep) {
        if (ended) {
            throw new IllegalStateException("feed after endOfInput");
        }
        if ((long) end + more <= buf.length) {
            return 0;
        }
        lastDropped = lastBefore(keep);
        int live = end - keep;
        long need = (long) live + more;
        if (need > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2 GB fed and not yet decoded");
        }
        if (need <= buf.length) {
            System.arraycopy(buf, keep, buf, 0, live);
        } else {
            byte[] bigger = new byte[(int) Math.min(Integer.MAX_VALUE - 8, 2 * need)];
            System.arraycopy(buf, keep, bigger, 0, live);
            buf = bigger;
        }
        base += keep;
        pos -= keep;
        end -= keep;
        wholeLines = Math.max(0, wholeLines - keep);
        return keep;
    }
}

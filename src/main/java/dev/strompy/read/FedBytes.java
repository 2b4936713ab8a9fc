package dev.strompy.read;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of one source on their way to the parser. The caller's bytes are copied into a
 * pending buffer; when the parser has used up the array it reads, that array and the pending one
 * swap places, so a steady stream of chunks costs one copy each and no allocation.
 *
 * <p>Offsets are stream offsets: bytes since the start of the source, less a byte order mark.
 * The last {@link #WINDOW} bytes before the parser's array are kept too, so that after a syntax
 * error the parser can be restarted at the start of a short line it has already passed.
 */
final class FedBytes {
    /** How many bytes before the parser's array stay available for a restart. */
    static final int WINDOW = 64;
    /** An array larger than this is dropped once used, instead of being kept for reuse. */
    private static final int KEEP = 1 << 20;
    private static final byte[] NONE = new byte[0];
    /** How far back from the end {@link #cut} looks for a place where no token is cut. */
    static final int HOLD = 4096;

    private byte[] pending = NONE;
    private int pendingLength;
    /** The array the parser reads, and the stream offset of its first byte. */
    private byte[] reading = NONE;
    private int readingLength;
    private long readingStart;
    private final byte[] window = new byte[WINDOW];
    private int windowLength;

    /** Takes {@code bytes[0, length)} as the pending bytes, without a copy, when none are pending. */
    boolean adopt(byte[] bytes, int length) {
        if (pendingLength > 0) {
            return false;
        }
        pending = bytes;
        pendingLength = length;
        return true;
    }

    void append(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, pending, pendingLength, length);
        pendingLength += length;
    }

    void append(ByteBuffer bytes) {
        int length = bytes.remaining();
        ensure(length);
        bytes.get(pending, pendingLength, length);
        pendingLength += length;
    }

    private void ensure(int more) {
        long need = (long) pendingLength + more;
        if (need > pending.length) {
            if (need > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than 2 GB fed and not yet decoded");
            }
            pending = Arrays.copyOf(pending, (int) Math.max(need, Math.min((long) pending.length * 2, Integer.MAX_VALUE - 8)));
        }
    }

    /** Bytes fed that the parser has not been given yet. */
    int pending() {
        return pendingLength;
    }

    /** A pending byte, {@code 0 <= i < pending()}. */
    byte peek(int i) {
        return pending[i];
    }

    /** Drops the first {@code n} pending bytes (a byte order mark): they are not part of the stream. */
    void drop(int n) {
        System.arraycopy(pending, n, pending, 0, pendingLength - n);
        pendingLength -= n;
    }

    /**
     * How many pending bytes the parser can have without a token being cut in two: up to the
     * last space or structural byte. Jackson reads a number or a literal cut at the end of its
     * input differently from a whole one (another message, another column), so what it reports
     * must not depend on where the bytes happened to be cut. Such a byte may also be inside a
     * string, where a cut is harmless; a control character is never a cut, since in a string it
     * is an error whose column would move; nor is a byte just after a multi-byte character. 0
     * when the pending bytes are one unfinished token
     * (more must come first); all of them when the input has ended or no such byte is in the
     * last {@link #HOLD} bytes.
     */
    int cut(boolean ended) {
        if (ended) {
            return pendingLength;
        }
        for (int i = pendingLength - 1, stop = Math.max(0, pendingLength - HOLD); i >= stop; i--) {
            byte b = pending[i];
            if ((b == ',' || b == '}' || b == ']' || b == ' ' || b == ':' || b == '{' || b == '[') && asciiBefore(i)) {
                return i + 1;
            }
        }
        return pendingLength > HOLD ? pendingLength : 0;
    }

    /**
     * Whether the bytes just before {@code i} are ASCII: Jackson decodes a multi-byte character
     * near the end of its input another way, and puts an invalid one at another column.
     */
    private boolean asciiBefore(int i) {
        for (int k = Math.max(0, i - 8); k < i; k++) {
            if (pending[k] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Makes the first {@code length} pending bytes the parser's new array, once it has used up
     * the old one; the rest stay pending.
     *
     * @return the array to feed, holding {@link #readingLength()} bytes from index 0
     */
    byte[] handOver(int length) {
        remember(reading, readingLength);
        readingStart += readingLength;
        byte[] used = reading;
        reading = pending;
        readingLength = length;
        int rest = pendingLength - length;
        pending = used.length > KEEP ? NONE : used;
        if (rest > pending.length) {
            pending = new byte[Math.max(rest, 64)];
        }
        System.arraycopy(reading, length, pending, 0, rest);
        pendingLength = rest;
        return reading;
    }

    int readingLength() {
        return readingLength;
    }

    /** The array the parser reads: its first {@link #readingLength()} bytes start at {@link #readingStart()}. */
    byte[] reading() {
        return reading;
    }

    long readingStart() {
        return readingStart;
    }

    private void remember(byte[] bytes, int length) {
        if (length >= WINDOW) {
            System.arraycopy(bytes, length - WINDOW, window, 0, WINDOW);
            windowLength = WINDOW;
        } else {
            int keep = Math.min(windowLength, WINDOW - length);
            System.arraycopy(window, windowLength - keep, window, 0, keep);
            System.arraycopy(bytes, 0, window, keep, length);
            windowLength = keep + length;
        }
    }

    /** The stream offset of the first byte still available: the window's first. */
    long earliest() {
        return readingStart - windowLength;
    }

    /** The stream offset just past every byte fed so far. */
    long end() {
        return readingStart + readingLength + pendingLength;
    }

    /** The stream offset of the first '\n' fed at or after stream offset {@code from}, or -1. */
    long newlineFrom(long from) {
        long pendingStart = readingStart + readingLength;
        if (from < pendingStart) {
            int i = indexOfNewline(reading, (int) Math.max(0, from - readingStart), readingLength);
            if (i >= 0) {
                return readingStart + i;
            }
            from = pendingStart;
        }
        int i = indexOfNewline(pending, (int) (from - pendingStart), pendingLength);
        return i < 0 ? -1 : pendingStart + i;
    }

    private static int indexOfNewline(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The byte at a stream offset, {@code earliest() <= offset < end()}. */
    byte at(long offset) {
        if (offset < readingStart) {
            return window[(int) (windowLength - (readingStart - offset))];
        }
        long i = offset - readingStart;
        return i < readingLength ? reading[(int) i] : pending[(int) (i - readingLength)];
    }

    /**
     * Starts over at a stream offset for a new parser: the bytes from there on become pending,
     * everything before it is forgotten.
     */
    void restartAt(long offset) {
        int length = (int) Math.max(0, end() - offset);
        byte[] rest = length == 0 ? NONE : new byte[length];
        int i = 0;
        for (; i < length && offset + i < readingStart; i++) {
            rest[i] = at(offset + i);
        }
        if (i < length) {
            int from = (int) (offset + i - readingStart);
            int n = Math.max(0, Math.min(length - i, readingLength - from));
            if (n > 0) {
                System.arraycopy(reading, from, rest, i, n);
            }
            System.arraycopy(pending, Math.max(0, from - readingLength), rest, i + n, length - i - n);
        }
        pending = rest;
        pendingLength = length;
        reading = NONE;
        readingLength = 0;
        readingStart = offset;
        windowLength = 0;
    }

    /** Forgets every byte: the source is done. */
    void release() {
        pending = NONE;
        reading = NONE;
        pendingLength = 0;
        readingLength = 0;
        windowLength = 0;
    }
}

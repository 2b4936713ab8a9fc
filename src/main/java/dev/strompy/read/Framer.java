package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.util.Locale;

/**
 * Cuts the bytes of one source, fed in chunks of any size, into {@link Frame}s, one per item, by
 * the framing rules (see the package): the states between items are here, the inside of an item
 * is {@link ItemCut}'s. Not thread-safe; it never blocks.
 */
public final class Framer {
    /** A large frame's bytes are handed on in pieces of this size, from its first byte. */
    static final int PIECE = 1 << 16;
    private static final int SNIFF = 4;
    private static final String NOT_CLOSED = "unexpected end of input: the top-level array is not closed";

    private enum State { START, FIRST, SEQUENCE, ITEM, NEXT, CLOSED, FRAME, SKIP_LINE, DONE }

    private final Window in = new Window();
    private final FrameCut frame;
    private boolean hungry;

    private State state = State.START;
    private boolean array;
    private boolean firstInArray;
    /** A frame to hand out before anything else: what {@link #endOfBlock} found. */
    private Frame pending;
    /** After {@link #endOfBlock}: whether the line that follows is the source's next item. */
    private boolean continues;

    /**
     * A framer whose frames over {@code maxFrame} bytes are large, whose items nest at most
     * {@code maxDepth} deep, and whose {@code scanner} reads items in the usual shape as they are
     * cut (their frames then carry their parts); with none, all reading is the caller's.
     */
    public Framer(int maxFrame, int maxDepth, LineScanner scanner) {
        this.frame = new FrameCut(in, maxFrame, maxDepth, scanner);
    }

    /** Starts at {@code line} of an array of items or a sequence, a line that starts an item ({@link Lines#cut}). */
    public void startAt(long line, boolean inArray) {
        in.lines.line = line;
        array = inArray;
        state = inArray ? State.ITEM : State.SEQUENCE;
    }

    /** Copies {@code length} bytes of {@code bytes} from {@code offset}. */
    public void feed(byte[] bytes, int offset, int length) {
        frame.moved(in.feed(bytes, offset, length, keep()));
    }

    /** Feeds {@code bytes[0, length)}, which the caller hands over and never touches again. */
    public void feedOwned(byte[] bytes, int length) {
        if (in.end > 0) {
            feed(bytes, 0, length);
        } else {
            in.adopt(bytes, length);
        }
    }

    /** No more bytes will come. */
    public void endOfInput() {
        in.ended = true;
    }

    /**
     * The bytes fed are followed by a line that starts an item, not fed here: an item still open
     * was cut short, and in an array that line must follow a comma. Call once {@link #next()} gives null.
     */
    public void endOfBlock() {
        if (state == State.FRAME) {
            pending = frame.cutShort();
            afterFrame();
        } else if (state == State.NEXT) {
            pending = between(in.end, "expected ',' or ']' after an item, got '{'");
        } else if (state == State.CLOSED) {
            pending = between(in.end, "unexpected data after the top-level array");
        } else if (state == State.FIRST) {
            state = State.SEQUENCE;
        }
        continues = state == State.SEQUENCE || state == State.ITEM;
        state = State.DONE;
    }

    /** {@return after {@link #endOfBlock}: whether the line that follows is the source's next item} */
    public boolean continues() {
        return continues;
    }

    /** {@return the line of the last byte looked at} */
    public long line() {
        return in.lines.line;
    }

    /** {@return how many bytes fed have not been looked at yet} */
    public int buffered() {
        return in.end - in.pos;
    }

    /** {@return whether the source is one array of items, as far as the framer has read} */
    public boolean inArray() {
        return array;
    }

    /** {@return whether every frame has been handed out and no more will come} */
    public boolean isFinished() {
        return state == State.DONE && !frame.large && pending == null;
    }

    /**
     * {@return the next frame, or null when more bytes must be fed first or the source is finished}
     *
     * @throws IllegalStateException while a large frame has pieces left that are not skipped
     */
    public Frame next() {
        if (pending != null) {
            Frame f = pending;
            pending = null;
            return f;
        }
        if (frame.large) {
            if (!frame.skipping) {
                throw new IllegalStateException("a large frame is open: take its pieces, or skip them");
            }
            boolean skipped = frame.skip();
            afterFrame();
            if (!skipped) {
                return null;
            }
        }
        while (state != State.DONE) {
            hungry = false;
            Frame f = step();
            if (f != null || hungry) {
                return f;
            }
        }
        return null;
    }

    /**
     * {@return the next piece of the large frame that {@link #next()} handed out, valid until the
     * next call, or null when more bytes must be fed first}: at most {@link #PIECE} bytes, cut at
     * fixed offsets from the frame's start
     */
    public Piece piece() {
        if (!frame.large || frame.skipping) {
            throw new IllegalStateException("no large frame is open");
        }
        Piece piece = frame.piece();
        afterFrame();
        return piece;
    }

    /** The rest of the large frame is not needed: {@link #next()} skips it and goes on after it. */
    public void skipRest() {
        frame.skipping = frame.large;
    }

    /** Nothing more is read (a syntax error ended a source that is one array): every byte is dropped. */
    public void endSource() {
        state = State.DONE;
        frame.large = false;
        pending = null;
        in.drop();
    }

    /**
     * Bytes of a large frame, {@code bytes[offset, offset + length)}, handed on in order; the
     * {@code last} carry the syntax error the framer found where they end, if any.
     */
    public record Piece(byte[] bytes, int offset, int length, boolean last, StrompyError error) {
    }

    private Frame step() {
        int p = state == State.FRAME || state == State.START || state == State.SKIP_LINE ? -1 : in.skipBlanks();
        switch (state) {
            case START:
                return start();
            case FIRST:
                if (p < 0) {
                    return atEnd(null);
                }
                array = in.buf[p] == '[';
                firstInArray = array;
                in.pos = array ? p + 1 : p;
                state = array ? State.ITEM : State.SEQUENCE;
                return null;
            case SEQUENCE:
                return p < 0 ? atEnd(null) : startItem(p);
            case ITEM:
                return arrayItem(p);
            case NEXT:
                if (p < 0) {
                    return atEnd(NOT_CLOSED);
                }
                if (in.buf[p] != ',' && in.buf[p] != ']') {
                    return between(p, "expected ',' or ']' after an item, got " + show(in.buf[p]));
                }
                state = in.buf[p] == ',' ? State.ITEM : State.CLOSED;
                in.pos = p + 1;
                return null;
            case CLOSED:
                return p < 0 ? atEnd(null) : between(p, "unexpected data after the top-level array");
            case FRAME:
                Frame f = frame.step();
                hungry = frame.hungry;
                afterFrame();
                return f;
            default:
                if (in.skipLine()) {
                    state = State.SEQUENCE;
                } else if (in.ended) {
                    state = State.DONE;
                } else {
                    hungry = true;
                }
                return null;
        }
    }

    /** {@return whether a source that starts with {@code b[0, length)} is one array of items} */
    public static boolean startsArray(byte[] b, int length) {
        int i = firstNotBlank(b, length);
        return i < length && b[i] == '[';
    }

    /**
     * {@return whether a source that starts with {@code b[0, length)} can be cut at the lines that
     * start an item ({@link Lines#cut}), each part framed on its own}: not when it is one array
     * of items, nor when its start is refused as not UTF-8, nor when these bytes are all blank
     * (they cannot tell)
     */
    public static boolean cuttable(byte[] b, int length) {
        int i = firstNotBlank(b, length);
        return i < length && b[i] != '[' && !notUtf8(b, length);
    }

    private static int firstNotBlank(byte[] b, int length) {
        int i = bom(b, length) ? 3 : 0;
        while (i < length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
            i++;
        }
        return i;
    }

    private static boolean bom(byte[] b, int n) {
        return n >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
    }

    /** The start of the source: drops a byte order mark, refuses UTF-16 and UTF-32. */
    private Frame start() {
        byte[] b = in.buf;
        int n = Math.min(SNIFF, in.end);
        if (n < SNIFF && !in.ended) {
            hungry = true;
            return null;
        }
        state = State.FIRST;
        if (bom(b, n)) {
            in.pos = 3;
            in.lines.lineStart = 3;
            return null;
        }
        if (notUtf8(b, n)) {
            return between(0, "input is not UTF-8 (it looks like UTF-16 or UTF-32)");
        }
        return null;
    }

    /**
     * {@return whether a source that starts with {@code b[0, length)} is refused at its start, as
     * not UTF-8}: a zero byte among its first four, or a UTF-16 byte order mark (UTF-16 and UTF-32
     * text of ASCII characters has zero bytes), unless it starts with UTF-8's byte order mark
     */
    private static boolean notUtf8(byte[] b, int length) {
        int n = Math.min(SNIFF, length);
        if (bom(b, n)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[i] == 0 || (i == 0 && (b[i] == (byte) 0xFE || b[i] == (byte) 0xFF))) {
                return true;
            }
        }
        return false;
    }

    /** In an array, where an item is expected (at {@code p}, -1 if the bytes ran out): after the '[' or a comma. */
    private Frame arrayItem(int p) {
        if (p < 0) {
            return atEnd(NOT_CLOSED);
        }
        byte b = in.buf[p];
        if (b == ']' && firstInArray) {
            in.pos = p + 1;
            state = State.CLOSED;
            return null;
        }
        if (b == ']') {
            return between(p, "expected an item after ',', got ']'");
        }
        if (b == ',' || b == '}' || b == ':') {
            return between(p, "expected an item, got " + show(b));
        }
        firstInArray = false;
        return startItem(p);
    }

    /** The bytes ran out between items: wait for more, or at the end finish, with {@code failure} if one is due. */
    private Frame atEnd(String failure) {
        if (!in.ended) {
            hungry = true;
            return null;
        }
        if (failure == null) {
            state = State.DONE;
            return null;
        }
        return between(in.end, failure);
    }

    /** A byte that starts an item at {@code p}: its frame begins. */
    private Frame startItem(int p) {
        state = State.FRAME;
        frame.begin(p, array);
        return null;
    }

    /** Once the frame has ended, the framer goes on as it says. */
    private void afterFrame() {
        if (state == State.FRAME && !frame.open) {
            state = frame.after == FrameCut.After.ITEM ? (array ? State.NEXT : State.SEQUENCE)
                    : frame.after == FrameCut.After.NEXT_LINE ? State.SKIP_LINE : State.DONE;
        }
    }

    /** A failure between items of an array, or of the whole source: it ends the source. */
    private Frame between(int p, String message) {
        state = State.DONE;
        return Frame.failure(new StrompyError(ErrorType.SYNTAX, message).atPosition(in.lines.line, in.column(p)));
    }

    private static String show(byte b) {
        return b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format(Locale.ROOT, "byte 0x%02X", b & 0xFF);
    }

    /** The first byte still needed: a frame's, a large frame's last piece handed out, or the next to look at. */
    private int keep() {
        if (state == State.DONE && !frame.large) {
            // Nothing more is read: the bytes are dropped.
            in.pos = in.end;
        }
        return frame.large || state == State.FRAME ? frame.keep() : in.pos;
    }
}

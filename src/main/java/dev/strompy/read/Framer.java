package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.eval.Part;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Cuts the bytes of one source into {@link Frame}s, one per item: the one place that knows
 * lines (LF, CRLF and a lone CR), the byte order mark, strings and their escapes, bracket depth,
 * whether the source is one array of items or a sequence of them, and where a sequence starts
 * again after a bad item. Bytes are fed in chunks of any size; what comes out depends only on
 * the bytes, never on the chunks, because every decision waits for the bytes it depends on and
 * none is taken back.
 *
 * <p>The rules, in terms of bytes only:
 * <ul>
 *   <li>A UTF-8 byte order mark is dropped; a NUL in the first four bytes, or an 0xFE or 0xFF
 *       first byte, is UTF-16 or UTF-32, refused. The first byte that is not whitespace decides
 *       the layout: {@code [} opens one array of items, anything else starts a sequence.</li>
 *   <li>An item that starts with {@code {} or {@code [} ends where its brackets balance, outside
 *       strings. In an array, any other item is a string (to its closing quote) or a token (up to
 *       whitespace or a structural byte). In a sequence, a line that starts with anything else is
 *       one bad item that runs to the end of its line.</li>
 *   <li>Inside an item the framer stops at what can never be JSON: a line break in a string, a
 *       closing bracket of the wrong kind, a non-ASCII byte outside a string, nesting past the
 *       limit, the end of input. The frame's bytes end there, with that syntax error.</li>
 *   <li>In a sequence, a line that starts, while an item is open, with an object whose first key
 *       is an item's ({@code {"lhs"} or {@code {"op"}) or with a byte no line of an item starts
 *       with (a letter) starts the next item: the open item was cut short. After any other bad
 *       item, the sequence goes on at the next line. So one bad line of NDJSON costs one item,
 *       and an item may still run over several lines however they are indented.</li>
 *   <li>In an array, the framer checks the commas and brackets between items itself; a syntax
 *       error there, or in an item, ends the source.</li>
 *   <li>An item longer than the frame limit is not held: {@link #next()} hands out a large frame
 *       and {@link #piece()} its bytes, in pieces cut at fixed offsets from its start.</li>
 * </ul>
 *
 * <p>Lines and columns are counted as Jackson counts them (a column is a byte offset in its
 * line, from 1), so the {@link FrameReader}'s positions inside a frame add up to the framer's.
 * Not thread-safe; it never blocks.
 */
public final class Framer {
    /** A large frame's bytes are handed on in pieces of this size, from its first byte. */
    static final int PIECE = 1 << 16;
    private static final int SNIFF = 4;
    private static final int INITIAL = 1 << 8;
    private static final String NOT_CLOSED = "unexpected end of input: the top-level array is not closed";

    private enum State { START, FIRST, SEQUENCE, ITEM, NEXT, CLOSED, FRAME, SKIP_LINE, DONE }

    /** What the frame being cut is: brackets (or an array's string), an array's token, a sequence's bad line. */
    private enum Kind { GROUP, TOKEN, LINE }

    private final int maxFrame;
    private final int pieceSize;
    private final int maxDepth;
    private LineScanner scanner;
    private boolean keep;

    // The bytes: buf[0, end) hold stream offsets base to base + end; pos is the next to look at.
    private byte[] buf = new byte[INITIAL];
    private int pos;
    private int end;
    /**
     * Just past the last '\n' in the buffer: the line scanner reads only whole lines, so that it
     * never runs out of bytes in the middle of an item (a path the compiler would otherwise see
     * taken now and then, at the end of each chunk, and compile again for).
     */
    private int wholeLines;
    private long base;
    private boolean ended;
    private boolean hungry;

    // Where pos is: its line, the stream offset its line starts at, the last '\r' seen.
    private long line = 1;
    private long lineStart;
    private long lastReturn = -2;

    private State state = State.START;
    private boolean array;
    private boolean firstInArray;
    private long nextItem;

    // The frame being cut.
    private Kind kind;
    private int frameStart;
    private long frameLine;
    private long frameColumn;
    private long item;
    private boolean scanFrame;
    /**
     * An item in the usual shape whose line has not ended yet: it is left to the line scanner,
     * once the line ends, instead of being cut byte by byte now.
     */
    private boolean deferred;
    private boolean inString;
    private boolean escape;
    private boolean lineOpens;
    private int depth;
    /** The brackets open in the frame being cut, grown as deep as the frame goes. */
    private byte[] stack = new byte[16];
    // A large frame: its pieces, and its end once found.
    private boolean large;
    private boolean skipping;
    private long pieceAt;
    private int handed = -1;
    private long frameEnd = -1;
    private StrompyError frameError;
    private final List<Part> scanned = new ArrayList<>();

    /**
     * @param maxFrame the longest frame held whole, in bytes; longer ones are large
     * @param maxDepth how deep brackets may nest in an item
     * @param scanner reads items in the usual shape as they are cut (then their frames carry
     *     their parts), or null to leave all reading to the caller
     * @param keep whether the caller keeps frames past the next call (on other threads): then
     *     no byte handed out in a frame is ever written again
     * @param firstItem the number of the source's first item
     */
    public Framer(int maxFrame, int maxDepth, LineScanner scanner, boolean keep, long firstItem) {
        this.maxFrame = maxFrame;
        this.pieceSize = Math.min(PIECE, maxFrame);
        this.maxDepth = maxDepth;
        this.scanner = scanner;
        this.keep = keep;
        this.nextItem = firstItem;
    }

    /** Copies {@code length} bytes of {@code bytes} from {@code offset}. */
    public void feed(byte[] bytes, int offset, int length) {
        room(length);
        System.arraycopy(bytes, offset, buf, end, length);
        fed(length);
    }

    /** Copies the remaining bytes of {@code bytes}. */
    public void feed(ByteBuffer bytes) {
        int length = bytes.remaining();
        room(length);
        bytes.get(buf, end, length);
        fed(length);
    }

    /** {@code length} more bytes are in the buffer: where the last whole line ends now. */
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

    /** No more bytes will come. */
    public void endOfInput() {
        ended = true;
    }

    /** {@return how many bytes fed have not been looked at yet} */
    public int buffered() {
        return end - pos;
    }

    /** {@return whether the source is one array of items, as far as the framer has read} */
    public boolean inArray() {
        return array;
    }

    /** {@return whether every frame has been handed out and no more will come} */
    public boolean isFinished() {
        return state == State.DONE && !large;
    }

    /**
     * The next frame.
     *
     * @return the frame, or null when more bytes must be fed first or the source is finished
     * @throws IllegalStateException while a large frame has pieces left that are not skipped
     */
    public Frame next() {
        if (large) {
            if (!skipping) {
                throw new IllegalStateException("a large frame is open: take its pieces, or skip them");
            }
            if (!finishSkip()) {
                return null;
            }
        }
        while (state != State.DONE) {
            hungry = false;
            Frame f = step();
            if (f != null) {
                return f;
            }
            if (hungry) {
                return null;
            }
        }
        return null;
    }

    /**
     * The next piece of the large frame that {@link #next()} handed out: its bytes in order, at
     * most {@link #PIECE} at a time (less when the frame limit is less), cut at fixed offsets from
     * the frame's start.
     *
     * @return the piece, valid until the next call, or null when more bytes must be fed first
     */
    public Piece piece() {
        if (!large || skipping) {
            throw new IllegalStateException("no large frame is open");
        }
        long pieceEnd = pieceAt + pieceSize;
        while (frameEnd < 0 && base + pos < pieceEnd) {
            hungry = false;
            scan(end);
            if (hungry && frameEnd < 0 && base + pos < pieceEnd) {
                return null;
            }
        }
        handed = (int) (pieceAt - base);
        if (frameEnd >= 0 && frameEnd <= pieceEnd) {
            large = false;
            return new Piece(buf, handed, (int) (frameEnd - pieceAt), true, frameError);
        }
        pieceAt = pieceEnd;
        return new Piece(buf, handed, pieceSize, false, null);
    }

    /**
     * From now on the caller keeps frames past the next call, on other threads, and reads them
     * itself: no byte handed out in a frame is written again, and the line scanner reads no
     * item as it is cut.
     */
    public void handOff() {
        scanner = null;
        keep = true;
    }

    /** The rest of the large frame is not needed: {@link #next()} skips it and goes on after it. */
    public void skipRest() {
        if (large) {
            skipping = true;
        }
    }

    /**
     * A syntax error in an item ends a source that is one array (no next item can be found in
     * malformed JSON): after one, the caller says so and the framer hands out nothing more.
     */
    public void endSource() {
        state = State.DONE;
        large = false;
        buf = new byte[0];
        pos = 0;
        wholeLines = 0;
        end = 0;
    }

    /**
     * Bytes of a large frame, handed on in order.
     *
     * @param bytes holds them, from {@code offset}, {@code length} of them
     * @param last whether these are the frame's last bytes
     * @param error with {@code last}: the syntax error the framer found where they end, or null
     */
    public record Piece(byte[] bytes, int offset, int length, boolean last, StrompyError error) {
    }

    private Frame step() {
        switch (state) {
            case START:
                return start();
            case FIRST: {
                int p = skipBlanks();
                if (p < 0) {
                    return atEnd(null);
                }
                array = buf[p] == '[';
                firstInArray = array;
                pos = array ? p + 1 : p;
                state = array ? State.ITEM : State.SEQUENCE;
                return null;
            }
            case SEQUENCE: {
                int p = skipBlanks();
                return p < 0 ? atEnd(null) : startItem(p);
            }
            case ITEM:
                return arrayItem();
            case NEXT:
                return afterItem();
            case CLOSED: {
                int p = skipBlanks();
                return p < 0 ? atEnd(null) : between(p, "unexpected data after the top-level array");
            }
            case FRAME:
                if (deferred) {
                    Frame f = deferred();
                    if (!deferred && state == State.FRAME) {
                        pos = frameStart;
                    }
                    return f;
                }
                return scan(large ? end : (int) Math.min(end, (long) frameStart + maxFrame));
            case SKIP_LINE:
            default:
                return skipLine();
        }
    }

    /** The start of the source: drops a byte order mark, refuses UTF-16 and UTF-32. */
    private Frame start() {
        int n = Math.min(SNIFF, end - pos);
        if (n < SNIFF && !ended) {
            hungry = true;
            return null;
        }
        state = State.FIRST;
        if (n >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            pos = 3;
            lineStart = 3;
            return null;
        }
        for (int i = 0; i < n; i++) {
            if (buf[i] == 0 || (i == 0 && (buf[i] == (byte) 0xFE || buf[i] == (byte) 0xFF))) {
                state = State.DONE;
                return Frame.failure(new StrompyError(ErrorType.SYNTAX, "input is not UTF-8 (it looks like UTF-16 or UTF-32)")
                        .atPosition(1, 1));
            }
        }
        return null;
    }

    /** In an array, where an item is expected: after the '[' or a comma. */
    private Frame arrayItem() {
        int p = skipBlanks();
        if (p < 0) {
            return atEnd(NOT_CLOSED);
        }
        byte b = buf[p];
        if (b == ']' && firstInArray) {
            pos = p + 1;
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

    /** In an array, after an item: a comma or the end of the array. */
    private Frame afterItem() {
        int p = skipBlanks();
        if (p < 0) {
            return atEnd(NOT_CLOSED);
        }
        byte b = buf[p];
        if (b == ',' || b == ']') {
            pos = p + 1;
            state = b == ',' ? State.ITEM : State.CLOSED;
            return null;
        }
        return between(p, "expected ',' or ']' after an item, got " + show(b));
    }

    /**
     * Skips whitespace, counting lines.
     *
     * @return the index of the next byte that is not whitespace, or -1 when the bytes fed ran out
     */
    private int skipBlanks() {
        byte[] b = buf;
        int p = pos;
        while (p < end) {
            byte c = b[p];
            if (c == '\n' || c == '\r') {
                newline(p);
            } else if (c != ' ' && c != '\t') {
                pos = p;
                return p;
            }
            p++;
        }
        pos = p;
        return -1;
    }

    /**
     * The bytes fed ran out between items: wait for more, or at the end of input finish the
     * source, with {@code failure} when one is due (an array left open).
     */
    private Frame atEnd(String failure) {
        if (!ended) {
            hungry = true;
            return null;
        }
        if (failure == null) {
            state = State.DONE;
            return null;
        }
        return between(end, failure);
    }

    /** A byte that starts an item at {@code p}: its frame begins, or the scanner reads it whole. */
    private Frame startItem(int p) {
        byte b = buf[p];
        item = nextItem++;
        frameStart = p;
        frameLine = line;
        frameColumn = column(p);
        frameError = null;
        frameEnd = -1;
        depth = 0;
        inString = false;
        escape = false;
        lineOpens = false;
        pos = p;
        state = State.FRAME;
        kind = b == '{' || b == '[' || (array && b == '"') ? Kind.GROUP : array ? Kind.TOKEN : Kind.LINE;
        scanFrame = b == '{';
        deferred = scanFrame && scanner != null;
        return null;
    }

    /**
     * An item the line scanner may read: it does once the item's line has ended. Until then the
     * frame is cut byte by byte only when it may be complete without a line break (a closing
     * brace has come: a producer may write an item and wait for its result), at the end of
     * input, or past the frame limit; where it is cut does not depend on which.
     */
    private Frame deferred() {
        if (frameStart < wholeLines) {
            scanned.clear();
            int r = scanner.scan(buf, frameStart, wholeLines, frameLine, frameColumn, item, scanned);
            deferred = false;
            if (r >= 0) {
                pos = r;
                state = array ? State.NEXT : State.SEQUENCE;
                return Frame.read(scanned, item, frameLine, frameColumn);
            }
            scanFrame = false;
            return null;
        }
        int i = Math.max(pos, frameStart);
        while (i < end && buf[i] != '}') {
            i++;
        }
        if (i < end || ended || end - frameStart > maxFrame) {
            deferred = false;
            return null;
        }
        // Looked at up to here: the frame is cut from its start all the same.
        pos = end;
        hungry = true;
        return null;
    }

    /**
     * Cuts the frame from {@code pos}, looking at bytes up to {@code limit}.
     *
     * @return the whole frame once it ends; null when it needs more bytes (hungry), or it became
     *     large (then a large frame is returned), or, large already, it ended
     */
    private Frame scan(int limit) {
        endError = null;
        endState = array ? State.NEXT : State.SEQUENCE;
        looking = false;
        int p = kind == Kind.GROUP ? group(limit) : kind == Kind.TOKEN ? token(limit) : lineEnd(limit);
        if (p >= 0) {
            return finish(p);
        }
        if (pos < end && !large && !looking) {
            // More than maxFrame bytes: a large frame, handed on in pieces.
            large = true;
            skipping = false;
            pieceAt = base + frameStart;
            handed = frameStart;
            return Frame.large(item, frameLine, frameColumn);
        }
        if (!ended) {
            hungry = true;
            return null;
        }
        if (kind == Kind.GROUP) {
            endError = new StrompyError(ErrorType.SYNTAX, "unexpected end of input").atPosition(line, column(end));
            endState = State.DONE;
        }
        return finish(end);
    }

    /**
     * Brackets and strings up to {@code limit}.
     *
     * @return where the frame's bytes end: just past its closing byte, or (with {@link #endError}
     *     set) where the framer found something that can never be JSON; -1 when it goes on past
     *     {@code limit}
     */
    private int group(int limit) {
        byte[] b = buf;
        int p = pos;
        // The state in locals while the loop runs (the hot loop of cutting on several threads).
        boolean str = inString;
        boolean esc = escape;
        boolean opens = lineOpens;
        int d = depth;
        while (true) {
            if (!esc && !opens) {
                // Most bytes (digits, commas, spaces, letters) change nothing: eight at a time,
                // quotes and brackets taken as they come; anything rarer goes the byte way below.
                words:
                while (limit - p >= WORDS) {
                    long m = special((long) Words.LONGS.get(b, p));
                    for (; m != 0; m &= m - 1) {
                        int q = p + (Long.numberOfTrailingZeros(m) >>> 3);
                        byte c = b[q];
                        if (c == '"') {
                            str = !str;
                            if (!str && d == 0) {
                                return q + 1;
                            }
                        } else if (str && c != '\\' && c >= 0x20) {
                            continue;
                        } else if (c == '{' || c == '[') {
                            if (d == stack.length) {
                                p = q;
                                break words;
                            }
                            stack[d++] = c;
                        } else if (c == '}' || c == ']') {
                            if (stack[d - 1] != (c == '}' ? '{' : '[') || d == 1) {
                                p = q;
                                break words;
                            }
                            d--;
                        } else if (c != '|' && c != '\t') {
                            p = q;
                            break words;
                        }
                    }
                    p += 8;
                }
                boolean[] plain = str ? STRING_PLAIN : PLAIN;
                while (p < limit && plain[b[p] & 0xFF]) {
                    p++;
                }
            }
            if (p >= limit) {
                break;
            }
            byte c = b[p];
            if (str) {
                if (esc) {
                    esc = false;
                    if (c == '\n' || c == '\r') {
                        return broken(p, "line break inside a string");
                    }
                } else if (c == '"') {
                    str = false;
                    if (d == 0) {
                        return p + 1;
                    }
                } else if (c == '\\') {
                    esc = true;
                } else if (c == '\n' || c == '\r') {
                    return broken(p, "line break inside a string");
                } else if (c < 0) {
                    int n = utf8(p);
                    if (n == 0) {
                        return broken(p, String.format(Locale.ROOT, "invalid UTF-8: byte 0x%02X", c & 0xFF));
                    }
                    if (n < 0) {
                        looking = true;
                        break;
                    }
                    p += n - 1;
                }
                p++;
                continue;
            }
            if (c == '\n' || c == '\r') {
                newline(p);
                opens = !array;
                p++;
                continue;
            }
            if (opens && c != ' ' && c != '\t') {
                // The first byte of a line inside an item of a sequence, after any indent.
                int next = opensItem(p);
                if (next < 0) {
                    looking = true;
                    break;
                }
                opens = false;
                if (next > 0) {
                    return cutShort(p);
                }
            }
            if (c == '"') {
                str = true;
            } else if (c == '{' || c == '[') {
                if (d == maxDepth) {
                    return broken(p, "nesting deeper than " + maxDepth + " levels");
                }
                if (d == stack.length) {
                    stack = Arrays.copyOf(stack, Math.min(maxDepth, 2 * d));
                }
                stack[d++] = c;
            } else if (c == '}' || c == ']') {
                byte open = stack[--d];
                if ((open == '{') != (c == '}')) {
                    return broken(p, "unexpected '" + (char) c + "': expected '" + (open == '{' ? '}' : ']') + "'");
                }
                if (d == 0) {
                    return p + 1;
                }
            } else if (c < 0) {
                return broken(p, String.format(Locale.ROOT, "non-ASCII byte 0x%02X outside a string", c & 0xFF));
            }
            p++;
        }
        pos = p;
        inString = str;
        escape = esc;
        lineOpens = opens;
        depth = d;
        return -1;
    }

    /**
     * Whether the line that starts (after its indent) at {@code p}, inside an open item of a
     * sequence, starts the next item instead: when it starts with an object whose first key is
     * an item's ("lhs" or "op"), which no item holds, or with a byte that no line of an item can
     * start with (a letter, say: an item holds no literal). A line that starts with a bracket, a
     * quote, a comma, a colon or a number goes on with the item.
     *
     * @return 1 if it starts the next item, 0 if not, -1 when more bytes must come to tell
     */
    private int opensItem(int p) {
        byte c = buf[p];
        if (c == '[' || c == ']' || c == '}' || c == '"' || c == ',' || c == ':' || c == '-' || (c >= '0' && c <= '9')) {
            return 0;
        }
        if (c != '{') {
            return 1;
        }
        int i = p + 1;
        while (i < end && (buf[i] == ' ' || buf[i] == '\t')) {
            i++;
        }
        int lhs = prefix(i, LHS_KEY);
        int op = prefix(i, OP_KEY);
        return lhs > 0 || op > 0 ? 1 : lhs < 0 || op < 0 ? (ended ? 0 : -1) : 0;
    }

    private static final byte[] LHS_KEY = {'"', 'l', 'h', 's', '"'};
    private static final byte[] OP_KEY = {'"', 'o', 'p', '"'};

    /** 1 when the bytes from {@code i} start with {@code word}, 0 when they do not, -1 when too few have come. */
    private int prefix(int i, byte[] word) {
        for (int k = 0; k < word.length; k++) {
            if (i + k >= end) {
                return -1;
            }
            if (buf[i + k] != word[k]) {
                return 0;
            }
        }
        return 1;
    }

    /**
     * The length of the UTF-8 sequence that starts at {@code p} with a byte above 127, as RFC
     * 3629 has them (no overlong forms, no surrogates, nothing past U+10FFFF).
     *
     * @return its length, 0 when it is not valid UTF-8, -1 when more bytes must come to tell
     */
    private int utf8(int p) {
        int b = buf[p] & 0xFF;
        int n;
        int low = 0x80;
        int high = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            n = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            n = 3;
            low = b == 0xE0 ? 0xA0 : 0x80;
            high = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            n = 4;
            low = b == 0xF0 ? 0x90 : 0x80;
            high = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        for (int k = 1; k < n; k++) {
            if (p + k >= end) {
                return ended ? 0 : -1;
            }
            int c = buf[p + k] & 0xFF;
            if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xBF)) {
                return 0;
            }
        }
        return n;
    }

    /** The scan stopped to see more bytes: of the start of a line, or of a character. */
    private boolean looking;

    /** Bytes that change nothing in {@link #group} outside strings: all but '"', brackets, line breaks and bytes above 127. */
    private static final boolean[] PLAIN = new boolean[256];
    /** Bytes that change nothing inside strings: all but '"', '\\', control characters and bytes above 127. */
    private static final boolean[] STRING_PLAIN = new boolean[256];

    /** Eight bytes at a time only where at least this many are left: a small input never needs to. */
    private static final int WORDS = 256;

    static {
        for (int c = 0; c < 128; c++) {
            PLAIN[c] = c != '"' && c != '{' && c != '}' && c != '[' && c != ']' && c != '\n' && c != '\r';
            STRING_PLAIN[c] = c >= 0x20 && c != '"' && c != '\\';
        }
    }

    /**
     * Bit 7 set in each byte of {@code w} that {@link #group} must look at: a quote, a bracket,
     * a backslash (or '|'), a control character or a byte above 127.
     */
    private static long special(long w) {
        long x = w | 0x2020202020202020L;
        return zero(x ^ 0x7B7B7B7B7B7B7B7BL) | zero(x ^ 0x7C7C7C7C7C7C7C7CL) | zero(x ^ 0x7D7D7D7D7D7D7D7DL)
                | zero(w ^ 0x2222222222222222L) | (~((w & 0x7F7F7F7F7F7F7F7FL) + 0x6060606060606060L) & 0x8080808080808080L)
                | (w & 0x8080808080808080L);
    }

    /** Bit 7 set in each byte of {@code v} that is zero, and in no other. */
    private static long zero(long v) {
        long y = (v & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
        return ~(y | v | 0x7F7F7F7F7F7F7F7FL);
    }

    /** Loaded the first time a large input is cut: making a view costs a small input's start-up. */
    private static final class Words {
        static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    }

    /** An array's token (a number, a literal, or bytes that are neither) up to {@code limit}. */
    private int token(int limit) {
        byte[] b = buf;
        int p = pos;
        for (; p < limit; p++) {
            byte c = b[p];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ']' || c == '}' || c == '['
                    || c == '{' || c == '"' || c == ':') {
                return p;
            }
        }
        pos = p;
        return -1;
    }

    /** A sequence's bad line, up to its line break. */
    private int lineEnd(int limit) {
        byte[] b = buf;
        int p = pos;
        for (; p < limit; p++) {
            if (b[p] == '\n' || b[p] == '\r') {
                return p;
            }
        }
        pos = p;
        return -1;
    }

    /** After a bad item in a sequence: the rest of its line is skipped. */
    private Frame skipLine() {
        int p = pos;
        while (p < end && buf[p] != '\n' && buf[p] != '\r') {
            p++;
        }
        pos = p;
        if (p < end) {
            state = State.SEQUENCE;
        } else if (ended) {
            state = State.DONE;
        } else {
            hungry = true;
        }
        return null;
    }

    /**
     * A syntax error at {@code p} inside the frame: its bytes end there. A sequence goes on at
     * the next line; an array ends.
     */
    private int broken(int p, String message) {
        endError = new StrompyError(ErrorType.SYNTAX, message).atPosition(line, column(p));
        endState = array ? State.DONE : State.SKIP_LINE;
        return p;
    }

    /** A line starts at {@code p} while the item is open, not indented: the next item starts there. */
    private int cutShort(int p) {
        endError = new StrompyError(ErrorType.SYNTAX, "item cut short: a new item starts on this line (the item began on line "
                + frameLine + ")").atPosition(line, column(p));
        endState = State.SEQUENCE;
        return p;
    }

    /** How the frame being cut ended: with this syntax error, or none. */
    private StrompyError endError;
    /** Where the framer goes on after it. */
    private State endState;

    /**
     * The frame's bytes end at {@code endIndex}, as {@link #endError} and {@link #endState} say.
     * A whole frame is handed out; a large one gets its last piece from {@link #piece()}.
     */
    private Frame finish(int endIndex) {
        pos = endIndex;
        state = endState;
        if (large) {
            frameEnd = base + endIndex;
            frameError = endError;
            return null;
        }
        return Frame.whole(buf, frameStart, endIndex - frameStart, item, frameLine, frameColumn, endError, scanFrame);
    }

    /** A failure between items of an array: it ends the source. */
    private Frame between(int p, String message) {
        state = State.DONE;
        return Frame.failure(new StrompyError(ErrorType.SYNTAX, message).atPosition(line, column(p)));
    }

    private boolean finishSkip() {
        while (frameEnd < 0) {
            hungry = false;
            scan(end);
            handed = pos;
            if (hungry) {
                return false;
            }
        }
        large = false;
        skipping = false;
        return true;
    }

    /** Counts the line break at {@code p}: '\n', '\r', or the '\n' of "\r\n", which the '\r' counted. */
    private void newline(int p) {
        long at = base + p;
        if (buf[p] == '\r') {
            lastReturn = at;
            line++;
        } else if (lastReturn != at - 1) {
            line++;
        }
        lineStart = at + 1;
    }

    private long column(int p) {
        return base + p - lineStart + 1;
    }

    private static String show(byte b) {
        return b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format(Locale.ROOT, "byte 0x%02X", b & 0xFF);
    }

    /** Makes room for {@code more} bytes after {@code end}, dropping what no frame needs any more. */
    private void room(int more) {
        if (ended) {
            throw new IllegalStateException("feed after endOfInput");
        }
        if (state == State.DONE && !large) {
            // Nothing more is read: the bytes are dropped.
            pos = 0;
            end = 0;
        }
        if ((long) end + more <= buf.length) {
            return;
        }
        int from = large ? handed : state == State.FRAME ? frameStart : pos;
        int live = end - from;
        long need = (long) live + more;
        if (need > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than 2 GB fed and not yet decoded");
        }
        if (!keep && need <= buf.length) {
            System.arraycopy(buf, from, buf, 0, live);
        } else {
            byte[] bigger = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, keep ? need + need / 2 : 2L * need))];
            System.arraycopy(buf, from, bigger, 0, live);
            buf = bigger;
        }
        base += from;
        pos -= from;
        end -= from;
        wholeLines = Math.max(0, wholeLines - from);
        frameStart -= from;
        handed -= from;
    }
}

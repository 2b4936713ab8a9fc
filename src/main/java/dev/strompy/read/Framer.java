package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.eval.Part;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts the bytes of one source into {@link Frame}s, one per item: the one place that knows
 * lines (LF, CRLF and a lone CR), the byte order mark, whether the source is one array of items
 * or a sequence of them, and where a sequence goes on after a bad item ({@link ItemCut} knows
 * the inside of an item). Bytes are fed in chunks of any size; what comes out depends only on
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
 *   <li>Inside an item the cut stops at what can never be JSON (a line break in a string, a
 *       closing bracket of the wrong kind, a byte above 127 outside a string, invalid UTF-8,
 *       nesting past the limit, the end of input): the frame's bytes end there, with that
 *       syntax error.</li>
 *   <li>A line that starts, while an item is open, with an object whose first key is an item's
 *       ({@code {"lhs"} or {@code {"op"}) starts the next item: the open item was cut short. In a
 *       sequence, so does a line that starts with a byte no line of an item starts with (a
 *       letter). After any other bad item a sequence goes on at the next line, so one bad line of
 *       NDJSON costs one item; an item may still run over several lines, however indented.</li>
 *   <li>In an array, the framer checks the commas and brackets between items itself; a syntax
 *       error there, or in an item, ends the source.</li>
 *   <li>An item longer than the frame limit is not held: {@link #next()} hands out a large frame
 *       and {@link #piece()} its bytes, in pieces cut at fixed offsets from its start.</li>
 * </ul>
 *
 * <p>So a line that starts with {@code {"lhs"} or {@code {"op"} always starts an item, whatever
 * came before: a framer can start there ({@link #startAt}) and one that ends there
 * ({@link #endOfBlock}) knows what that line does. That is how a large input is cut into blocks
 * framed on several threads. Not thread-safe; it never blocks.
 */
public final class Framer {
    /** A large frame's bytes are handed on in pieces of this size, from its first byte. */
    static final int PIECE = 1 << 16;
    private static final int SNIFF = 4;
    private static final int INITIAL = 1 << 8;
    private static final String NOT_CLOSED = "unexpected end of input: the top-level array is not closed";

    private enum State { START, FIRST, SEQUENCE, ITEM, NEXT, CLOSED, FRAME, SKIP_LINE, DONE }

    private final int maxFrame;
    private final int pieceSize;
    private final ItemCut cut;
    private final Lines lines = new Lines();
    private LineScanner scanner;
    private boolean keep;
    private final List<Part> scanned = new ArrayList<>();

    // The bytes: buf[0, end) hold stream offsets base to base + end; pos is the next to look at.
    private byte[] buf = new byte[INITIAL];
    private int pos;
    private int end;
    private long base;
    /**
     * Just past the last '\n' in the buffer: the line scanner reads only whole lines, so that it
     * never runs out of bytes in the middle of an item (a path the compiler would otherwise see
     * taken now and then, at the end of each chunk, and compile again for).
     */
    private int wholeLines;
    private boolean ended;
    private boolean hungry;

    private State state = State.START;
    private boolean array;
    private boolean firstInArray;
    /** A frame to hand out before anything else: what {@link #endOfBlock} found. */
    private Frame pending;
    /** After {@link #endOfBlock}: whether the line that follows is the source's next item. */
    private boolean continues;

    // The frame being cut.
    private int frameStart;
    private long frameLine;
    private long frameColumn;
    private boolean scanFrame;
    /**
     * An item in the usual shape whose line has not ended yet: it is left to the line scanner,
     * once the line ends, instead of being cut byte by byte now.
     */
    private boolean deferred;
    // A large frame: its pieces, and its end once found.
    private boolean large;
    private boolean skipping;
    private long pieceAt;
    private int handed;
    private long frameEnd = -1;
    private StrompyError frameError;

    /**
     * @param maxFrame the longest frame held whole, in bytes; longer ones are large
     * @param maxDepth how deep brackets may nest in an item
     * @param scanner reads items in the usual shape as they are cut (then their frames carry
     *     their parts), or null to leave all reading to the caller
     * @param keep whether the caller keeps frames past the next call (on other threads): then
     *     no byte handed out in a frame is ever written again
     */
    public Framer(int maxFrame, int maxDepth, LineScanner scanner, boolean keep) {
        this.maxFrame = maxFrame;
        this.pieceSize = Math.min(PIECE, maxFrame);
        this.cut = new ItemCut(maxDepth);
        this.scanner = scanner;
        this.keep = keep;
    }

    /**
     * Starts at a line of the source, {@code line}, that starts with an item (see
     * {@link ItemCut#startsItem}), in a source that is an array of items or a sequence: the
     * state there is known from that line alone.
     */
    public void startAt(long line, boolean inArray) {
        lines.line = line;
        array = inArray;
        state = inArray ? State.ITEM : State.SEQUENCE;
    }

    /** Copies {@code length} bytes of {@code bytes} from {@code offset}. */
    public void feed(byte[] bytes, int offset, int length) {
        room(length);
        System.arraycopy(bytes, offset, buf, end, length);
        fed(length);
    }

    /** Feeds {@code bytes[0, length)}, which the caller hands over and never touches again: no copy, before any other. */
    public void feedOwned(byte[] bytes, int length) {
        if (end > 0) {
            feed(bytes, 0, length);
            return;
        }
        buf = bytes;
        fed(length);
    }

    /** Copies the remaining bytes of {@code bytes}. */
    public void feed(ByteBuffer bytes) {
        int length = bytes.remaining();
        room(length);
        bytes.get(buf, end, length);
        fed(length);
    }

    /** No more bytes will come. */
    public void endOfInput() {
        ended = true;
    }

    /**
     * The bytes fed are followed by a line that starts with an item ({@code {"lhs"} or
     * {@code {"op"}), which is not fed here: the framer does what that line demands (an item
     * still open was cut short; in an array, that line must follow a comma) and hands out nothing
     * after. Call once {@link #next()} has given null.
     */
    public void endOfBlock() {
        if (state == State.FRAME) {
            if (deferred) {
                deferred = false;
                pos = frameStart;
                scan(end);
            }
            pending = finish(cut.cutHere(end, base, lines));
        } else if (state == State.NEXT) {
            pending = between(end, "expected ',' or ']' after an item, got '{'");
        } else if (state == State.CLOSED) {
            pending = between(end, "unexpected data after the top-level array");
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
        return lines.line;
    }

    /**
     * {@return where the last line that starts an item (see {@link ItemCut#startsItem}, with
     * the bytes of its key there to tell) starts in {@code b[from, to)}, just after a '\n'; -1
     * when none does}: a place to cut a source at, where a framer can start
     */
    public static int lastCut(byte[] b, int from, int to) {
        for (int i = to - 1; i >= Math.max(from, 1); i--) {
            if (b[i] == '{' && b[i - 1] == '\n' && ItemCut.startsItem(b, i, to, false, false) == 1) {
                return i;
            }
        }
        return -1;
    }

    /** {@return where the first line that starts an item starts in {@code b[from, to)}, as {@link #lastCut}; -1 when none does} */
    public static int firstCut(byte[] b, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (b[i] == '{' && b[i - 1] == '\n' && ItemCut.startsItem(b, i, to, false, false) == 1) {
                return i;
            }
        }
        return -1;
    }

    /** {@return how many lines {@code b[from, to)} ends, counted as the framer counts them; the bytes end with a '\n'} */
    public static long lineBreaks(byte[] b, int from, int to) {
        return Lines.count(b, from, to);
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
        return state == State.DONE && !large && pending == null;
    }

    /**
     * The next frame.
     *
     * @return the frame, or null when more bytes must be fed first or the source is finished
     * @throws IllegalStateException while a large frame has pieces left that are not skipped
     */
    public Frame next() {
        if (pending != null) {
            Frame f = pending;
            pending = null;
            return f;
        }
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

    /** The rest of the large frame is not needed: {@link #next()} skips it and goes on after it. */
    public void skipRest() {
        if (large) {
            skipping = true;
        }
    }

    /**
     * From now on the caller keeps frames past the next call, on other threads, and reads them
     * itself: no byte handed out in a frame is written again, and the line scanner reads no item
     * as it is cut.
     */
    public void handOff() {
        scanner = null;
        keep = true;
    }

    /**
     * A syntax error in an item ends a source that is one array (no next item can be found in
     * malformed JSON): after one, the caller says so and the framer hands out nothing more.
     */
    public void endSource() {
        state = State.DONE;
        large = false;
        pending = null;
        buf = new byte[0];
        pos = 0;
        end = 0;
        wholeLines = 0;
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
                    return deferred();
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
            lines.lineStart = 3;
            return null;
        }
        for (int i = 0; i < n; i++) {
            if (buf[i] == 0 || (i == 0 && (buf[i] == (byte) 0xFE || buf[i] == (byte) 0xFF))) {
                return between(0, "input is not UTF-8 (it looks like UTF-16 or UTF-32)");
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

    /** Skips whitespace, counting lines; @return the next byte that is not, or -1 when the bytes ran out */
    private int skipBlanks() {
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

    /** A byte that starts an item at {@code p}: its frame begins. */
    private Frame startItem(int p) {
        byte b = buf[p];
        frameStart = p;
        frameLine = lines.line;
        frameColumn = lines.column(base + p);
        frameEnd = -1;
        pos = p;
        state = State.FRAME;
        cut.start(b == '{' || b == '[' || (array && b == '"') ? ItemCut.Kind.GROUP
                : array ? ItemCut.Kind.TOKEN : ItemCut.Kind.LINE, array, frameLine);
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
            int r = scanner.scan(buf, frameStart, wholeLines, frameLine, frameColumn, scanned);
            deferred = false;
            pos = frameStart;
            if (r >= 0) {
                pos = r;
                state = array ? State.NEXT : State.SEQUENCE;
                return Frame.read(scanned, frameLine, frameColumn);
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
            pos = frameStart;
            return null;
        }
        // Looked at up to here; the frame is cut from its start all the same.
        pos = end;
        hungry = true;
        return null;
    }

    /**
     * Cuts the frame from {@code pos}, looking at bytes up to {@code limit}.
     *
     * @return the whole frame once it ends; null when it needs more bytes (hungry), or it ended
     *     (large already); a large frame when it became one
     */
    private Frame scan(int limit) {
        int p = cut.scan(buf, pos, limit, end, ended, base, lines);
        if (p >= 0) {
            return finish(p);
        }
        pos = cut.at;
        if (pos < end && !large && !cut.looking) {
            // More than maxFrame bytes: a large frame, handed on in pieces.
            large = true;
            skipping = false;
            pieceAt = base + frameStart;
            handed = frameStart;
            return Frame.large(frameLine, frameColumn);
        }
        if (!ended) {
            hungry = true;
            return null;
        }
        if (cut.kind == ItemCut.Kind.GROUP) {
            cut.error = new StrompyError(ErrorType.SYNTAX, "unexpected end of input").atPosition(lines.line,
                    lines.column(base + end));
        }
        return finish(end);
    }

    /**
     * The frame's bytes end at {@code endIndex}, as {@link ItemCut#error} says; the framer goes
     * on after them. A whole frame is handed out; a large one gets its last piece from
     * {@link #piece()}.
     */
    private Frame finish(int endIndex) {
        pos = endIndex;
        StrompyError error = cut.error;
        if (error == null) {
            state = array ? State.NEXT : State.SEQUENCE;
        } else if (array || (!cut.cutShort && cut.kind != ItemCut.Kind.GROUP) || pos >= end && ended) {
            state = State.DONE;
        } else {
            state = cut.cutShort ? State.SEQUENCE : State.SKIP_LINE;
        }
        if (large) {
            frameEnd = base + endIndex;
            frameError = error;
            return null;
        }
        return Frame.whole(buf, frameStart, endIndex - frameStart, frameLine, frameColumn, error, scanFrame);
    }

    /** A failure between items of an array, or of the whole source: it ends the source. */
    private Frame between(int p, String message) {
        state = State.DONE;
        return Frame.failure(new StrompyError(ErrorType.SYNTAX, message).atPosition(lines.line, lines.column(base + p)));
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

    private static String show(byte b) {
        return b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format(Locale.ROOT, "byte 0x%02X", b & 0xFF);
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

    /** Makes room for {@code more} bytes after {@code end}, dropping what no frame needs any more. */
    private void room(int more) {
        if (ended) {
            throw new IllegalStateException("feed after endOfInput");
        }
        if (state == State.DONE && !large) {
            // Nothing more is read: the bytes are dropped.
            pos = 0;
            end = 0;
            wholeLines = 0;
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
        frameStart -= from;
        handed -= from;
        wholeLines = Math.max(0, wholeLines - from);
    }
}

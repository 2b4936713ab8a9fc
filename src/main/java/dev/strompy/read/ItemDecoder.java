package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.error.Quote;
import dev.strompy.error.StrompyError;
import dev.strompy.eval.Limits;
import dev.strompy.eval.Matrix;
import dev.strompy.eval.Part;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonToken;

/**
 * The push decoder of one source: bytes are fed in, item parts come out as they complete. A
 * state machine over Jackson's tokens that recognises each item's {@code lhs}, each op with its
 * {@code rhs}, and the item's end, each with its position. It never evaluates, never blocks and
 * keeps all its state in fields, so the caller decides when to feed, when to take parts and on
 * which thread.
 *
 * <p>A source is one top-level array of items or a sequence of items (e.g. NDJSON); the first
 * token decides. Ops are handed on as soon as they are read, except when {@code op} comes before
 * {@code lhs}: those ops are held until {@code lhs} arrives. A line that holds a whole item in
 * the usual shape is read by the {@link LineScanner} instead, once its newline has been fed.
 *
 * <p>An item that cannot be read gives a {@link Part.Failure} in its place and decoding goes on
 * with the next item. A syntax error in an array ends the source; in a sequence of items the
 * decoder starts again at the next line, so one bad line costs one item. Not thread-safe.
 */
public final class ItemDecoder implements Part.Source, AutoCloseable {
    private enum Layout { UNKNOWN, ARRAY, SEQUENCE }

    private enum State { BETWEEN, ITEM, LHS, IN_LHS, OP, OPS, IN_RHS, SKIP, AFTER_ARRAY, DONE }

    private static final String ITEM_FORM = "{\"lhs\": MATRIX, \"op\": [OP, ...]}";

    private final JsonCursor in = new JsonCursor();
    private final MatrixAssembler matrices;
    private final String source;
    private final ArrayDeque<Part> ready = new ArrayDeque<>();
    private Layout layout = Layout.UNKNOWN;
    private State state = State.BETWEEN;
    private boolean starving;
    private long nextIndex;
    // The item being read.
    private long item = -1;
    private long itemLine;
    private int itemDepth;
    private Matrix lhs;
    private boolean haveOps;
    private List<Part.Step> held;
    private final OpAssembler ops;
    // The fast path: after an item that ends its line in a sequence, whole lines are read by the
    // LineScanner until it declines one; then the parser starts again at that line.
    private LineScanner lines;
    private final long maxElements;
    private final List<Part> scanned = new ArrayList<>();
    private boolean lineEnded;
    /** Stream offset and line of the next line the scanner tries, or -1 outside a fast run. */
    private long fastAt = -1;
    private long fastLine;
    private boolean fastTook;
    /**
     * While the scanner waits for the rest of the line at {@link #fastAt}, fed bytes from here
     * on are yet to be looked at for its newline; -1 when it is not waiting.
     */
    private long waitFrom = -1;
    /** {@link #wholeLines}' last answer, and the array it was for. */
    private long wholeBase = -1;
    private int wholeTo;
    private int whole;
    private boolean fastLines = true;
    /** The fast path may read the first line: a source's start, or a block's in a sequence. */
    private boolean atStart;
    /** In an array: whether the comma after the item at the boundary is still to come. */
    private boolean commaPending;
    private long fastItems;

    /** @param source the name put on errors ({@code -} for stdin) */
    public ItemDecoder(String source, Limits limits) {
        this(source, limits, 0);
    }

    /**
     * @param source the name put on errors ({@code -} for stdin)
     * @param firstItem the number of the source's first item: a part of a larger input (a
     *     partition) numbers its items as the whole would
     */
    public ItemDecoder(String source, Limits limits, long firstItem) {
        this(source, limits, firstItem, 0, false);
    }

    /**
     * A decoder for a block that starts at a line start, in a sequence of items or (with
     * {@code inArray}) inside the top-level array, just after the comma that ended the item
     * before: the caller then feeds {@code "[\n"} first, on line {@code firstLine - 1}, and the
     * block's bytes from {@code firstLine}. It sees the bytes as the decoder of the whole source
     * would there: no encoding to sniff, items numbered from {@code firstItem}.
     *
     * @param firstLine the 1-based line the bytes start on; 0 for the start of a source
     */
    public ItemDecoder(String source, Limits limits, long firstItem, long firstLine, boolean inArray) {
        this.nextIndex = firstItem;
        this.atStart = !inArray;
        if (firstLine > 0) {
            if (!inArray) {
                layout = Layout.SEQUENCE;
            }
            in.continueAt(firstLine);
        }
        this.source = source;
        this.matrices = new MatrixAssembler(in, limits.maxElements());
        this.ops = new OpAssembler(in, matrices);
        this.maxElements = limits.maxElements();
    }

    /** Turns the fast path for whole lines on (the default) or off: for tests that compare the two. */
    void fastLines(boolean on) {
        fastLines = on;
        atStart &= on;
    }

    /** How many items the fast path has read: for tests. */
    long fastItems() {
        return fastItems;
    }

    /** Copies {@code length} bytes from {@code bytes} at {@code offset}. */
    public void feed(byte[] bytes, int offset, int length) {
        in.feed(bytes, offset, length);
        starving = false;
    }

    /** Feeds {@code bytes[0, length)} without copying them: the caller must not touch the array again. */
    public void feedOwned(byte[] bytes, int length) {
        in.feedOwned(bytes, length);
        starving = false;
    }

    /** Copies the remaining bytes of {@code bytes}. */
    public void feed(ByteBuffer bytes) {
        in.feed(bytes);
        starving = false;
    }

    /** No more bytes will come. */
    public void endOfInput() {
        in.endOfInput();
        starving = false;
    }

    /**
     * Bytes fed and not yet looked at: 0 while the decoder waits for the rest of a line it holds
     * (at most {@link LineScanner#MAX_LINE} bytes), which more bytes must complete.
     */
    public int buffered() {
        return waitFrom >= 0 ? 0 : in.buffered();
    }

    /** Whether every byte fed has been decoded and more are needed to go on. */
    public boolean needsInput() {
        return starving && ready.isEmpty();
    }

    /** Whether the source has ended and every part has been taken. */
    public boolean isFinished() {
        return state == State.DONE && ready.isEmpty();
    }

    @Override
    public Part next() {
        if (!ready.isEmpty()) {
            return ready.poll();
        }
        if (lineEnded || fastAt >= 0 || atStart) {
            // Parts of an item are handed out before the next is read, so the fast path is
            // only ever entered here, between items.
            Part p = fastNext();
            if (p != null) {
                return p;
            }
            if (waitFrom >= 0 || atStart) {
                // Waiting for the rest of a line, or for the first byte that is not a blank.
                starving = true;
                return null;
            }
        }
        return decode();
    }

    /** The next part read by the parser (the compiler keeps this loop apart from the fast path). */
    private Part decode() {
        while (state != State.DONE) {
            JsonToken t;
            try {
                t = in.next();
            } catch (StrompyError e) {
                syntax(e);
                return ready.poll();
            }
            if (state == State.IN_LHS || state == State.IN_RHS) {
                Matrix m;
                try {
                    m = matrices.take(t);
                } catch (StrompyError e) {
                    failItem(state == State.IN_RHS ? e.atOp(ops.index(), null) : e);
                    return ready.poll();
                }
                if (m == null) {
                    starving = true;
                    return null;
                }
                if (state == State.IN_LHS) {
                    lhs(m);
                } else {
                    ops.rhs(m);
                    state = State.OPS;
                }
                if (!ready.isEmpty()) {
                    return ready.poll();
                }
                continue;
            }
            if (t == JsonToken.NOT_AVAILABLE) {
                starving = true;
                return null;
            }
            try {
                accept(t);
            } catch (StrompyError e) {
                failItem(e);
            }
            if (!ready.isEmpty()) {
                return ready.poll();
            }
        }
        return null;
    }

    private void accept(JsonToken t) {
        switch (state) {
            case BETWEEN:
                between(t);
                break;
            case AFTER_ARRAY:
                if (t != null) {
                    throw in.error(ErrorType.SYNTAX, "unexpected data after the top-level array");
                }
                state = State.DONE;
                break;
            case SKIP:
                if (t == null) {
                    throw in.error(ErrorType.SYNTAX, "unexpected end of input inside an item");
                }
                if (in.depth() <= itemDepth) {
                    endItem();
                } else if (nextItemHere()) {
                    in.restartAtToken();
                    endItem();
                }
                break;
            case ITEM:
                itemKey(t);
                break;
            case LHS:
                if (!MatrixAssembler.opens(t)) {
                    throw in.error(ErrorType.SCHEMA, "lhs must be a matrix (" + MatrixAssembler.FORMS + "), got "
                            + JacksonErrors.describe(t));
                }
                matrices.start("lhs", t);
                state = State.IN_LHS;
                break;
            case OP:
                if (t != JsonToken.START_ARRAY) {
                    throw in.error(ErrorType.SCHEMA, "op must be an array of ops, got " + JacksonErrors.describe(t));
                }
                ops.startList();
                state = State.OPS;
                break;
            default:
                op(ops.accept(t));
        }
    }

    private void between(JsonToken t) {
        if (layout == Layout.UNKNOWN) {
            if (t == JsonToken.START_ARRAY) {
                layout = Layout.ARRAY;
                return;
            }
            layout = Layout.SEQUENCE;
        }
        if (t == null) {
            state = State.DONE;
            return;
        }
        if (layout == Layout.ARRAY && t == JsonToken.END_ARRAY) {
            state = State.AFTER_ARRAY;
            return;
        }
        item = nextIndex++;
        itemLine = in.line();
        itemDepth = layout == Layout.ARRAY ? 1 : 0;
        lhs = null;
        haveOps = false;
        held = null;
        if (t != JsonToken.START_OBJECT) {
            throw in.error(ErrorType.SCHEMA, "an item must be an object " + ITEM_FORM + ", got " + JacksonErrors.describe(t));
        }
        state = State.ITEM;
    }

    private void itemKey(JsonToken t) {
        if (t == JsonToken.END_OBJECT) {
            if (lhs == null || !haveOps) {
                throw in.error(ErrorType.SCHEMA, "missing key \"" + (lhs == null ? "lhs" : "op") + "\"");
            }
            ready.add(new Part.End(item));
            endItem();
            lineEnded = fastLines;
            return;
        }
        String key = in.name();
        if (key.equals("lhs")) {
            if (lhs != null) {
                throw duplicate("lhs");
            }
            state = State.LHS;
        } else if (key.equals("op")) {
            if (haveOps) {
                throw duplicate("op");
            }
            haveOps = true;
            state = State.OP;
        } else {
            throw in.error(ErrorType.SCHEMA, "unknown key " + Quote.of(key) + " (expected \"lhs\" and \"op\")");
        }
    }

    private void lhs(Matrix m) {
        lhs = m;
        ready.add(new Part.Lhs(item, m));
        if (held != null) {
            ready.addAll(held);
            held = null;
        }
        state = State.ITEM;
    }

    /** What a token of the op array did. */
    private void op(OpAssembler.Event event) {
        switch (event) {
            case END:
                state = State.ITEM;
                break;
            case MATRIX:
                state = State.IN_RHS;
                break;
            case OP:
                Part.Step step = new Part.Step(item, ops.lastIndex(), ops.op(), ops.line(), ops.column());
                if (lhs != null) {
                    ready.add(step);
                } else {
                    if (held == null) {
                        held = new ArrayList<>();
                    }
                    held.add(step);
                }
                break;
            case NONE:
            default:
                break;
        }
    }

    /**
     * The fast path: the next part from whole lines the {@link LineScanner} reads, or null when
     * it declines a line (or has none complete), the parser then standing at that line.
     */
    private Part fastNext() {
        if (fastAt < 0 && atStart) {
            // Only a sequence of items, or blank lines so far: in an array the parser reads the
            // '[' and its line (and should the scanner meet a '[' after blank lines, it declines).
            int sniffed = in.sniff();
            byte first = sniffed > 0 ? in.firstByte() : 0;
            if (sniffed < 0 || (first != 0 && first != '{' && first != '\n') || (first == 0 && in.inputEnded())) {
                atStart = false;
                return null;
            }
            if (first == 0) {
                // Too few bytes, or only whitespace, so far.
                return null;
            }
            atStart = false;
            fastAt = in.readingStart();
            fastLine = in.currentLine();
            fastTook = false;
        } else if (fastAt < 0) {
            lineEnded = false;
            fastAt = in.nextLineStart(layout == Layout.ARRAY);
            if (fastAt < 0) {
                // Only blanks so far: the next bytes may end the line.
                lineEnded = fastAt == -2;
                fastAt = -1;
                return null;
            }
            fastLine = in.currentLine() + (in.atLineStart() ? 0 : 1);
            fastTook = false;
        } else if (waitFrom >= 0 && !lineCame()) {
            return null;
        }
        if (lines == null) {
            lines = new LineScanner(maxElements);
        }
        while (true) {
            byte[] bytes = in.readingArray();
            long base = in.readingStart();
            int to = in.readingLength();
            int from = (int) (fastAt - base);
            int whole = wholeLines(bytes, base, to);
            scanned.clear();
            if (from >= whole) {
                // The line goes on past the parser's bytes (fed in chunks, a long line): wait
                // for its end rather than have the parser read it.
                waitFrom = Math.max(fastAt, base + to);
                if (lineCame()) {
                    continue;
                }
                return null;
            }
            int next = lines.scan(bytes, from, whole, to, fastLine, nextIndex, scanned, layout == Layout.ARRAY);
            if (next == from) {
                leaveFastPath();
                return null;
            }
            fastTook = true;
            fastAt = base + next;
            fastLine++;
            in.markBoundary(fastAt, fastLine);
            commaPending = false;
            if (!scanned.isEmpty()) {
                if (layout == Layout.UNKNOWN) {
                    layout = Layout.SEQUENCE;
                }
                fastItems++;
                item = nextIndex++;
                itemLine = fastLine - 1;
                ready.addAll(scanned);
                return ready.poll();
            }
        }
    }

    /**
     * The index just past the last '\n' in {@code bytes[0, to)}, the parser's array from stream
     * offset {@code base}: worked out once per array.
     */
    private int wholeLines(byte[] bytes, long base, int to) {
        if (base != wholeBase || to != wholeTo) {
            int i = to;
            while (i > 0 && bytes[i - 1] != '\n') {
                i--;
            }
            wholeBase = base;
            wholeTo = to;
            whole = i;
        }
        return whole;
    }

    /**
     * While waiting for the rest of the line at {@link #fastAt}: whether its newline has come
     * (the bytes from the line on are then the scanner's). When it has not, the wait ends, and
     * the parser reads the line, if the input has ended, the line is longer than the scanner
     * takes, or its item looks closed already (a producer that writes an item without a line
     * break may be waiting for its result).
     */
    private boolean lineCame() {
        long end = in.fedEnd();
        if (in.newlineFrom(waitFrom) >= 0) {
            if (!fastTook && layout == Layout.ARRAY && firstAfter(fastAt, end) != '{') {
                // A parser started over inside the array could only start at an item: the
                // parser that stands before this line keeps going (the array's end, an error).
                leaveFastPath();
                return false;
            }
            waitFrom = -1;
            in.scanFrom(fastAt);
            fastTook = true;
            return true;
        }
        waitFrom = end;
        if (in.inputEnded() || end - fastAt > LineScanner.MAX_LINE || closedAt(end)) {
            leaveFastPath();
        }
        return false;
    }

    /**
     * Whether the bytes of the line at {@link #fastAt} up to {@code end} end with the closing
     * brace of the item they open (then whitespace, in an array a comma): the item is whole.
     */
    private boolean closedAt(long end) {
        long i = end - 1;
        boolean comma = layout == Layout.ARRAY;
        for (; i >= fastAt; i--) {
            byte b = in.fedAt(i);
            if (b == ',' && comma) {
                comma = false;
            } else if (b != ' ' && b != '\t' && b != '\r') {
                // Rarely so: then count the brackets, outside strings, up to that brace.
                return b == '}' && balanced(i + 1);
            }
        }
        return false;
    }

    /** Whether the brackets in the bytes from {@link #fastAt} to {@code end} close all they open. */
    private boolean balanced(long end) {
        int depth = 0;
        boolean string = false;
        for (long i = fastAt; i < end; i++) {
            byte b = in.fedAt(i);
            if (string) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    string = false;
                }
            } else if (b == '"') {
                string = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** The first byte fed in {@code [from, end)} that is not whitespace, or 0. */
    private byte firstAfter(long from, long end) {
        for (long i = from; i < end; i++) {
            byte b = in.fedAt(i);
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return 0;
    }

    /** The parser takes over at the line the scanner did not read. */
    private void leaveFastPath() {
        if (fastTook) {
            in.resumeAt(fastAt, fastLine, layout == Layout.ARRAY);
        }
        fastAt = -1;
        waitFrom = -1;
    }

    private StrompyError duplicate(String key) {
        return in.error(ErrorType.SCHEMA, "duplicate key \"" + key + "\"");
    }

    /** An item that cannot be read: its failure in its place, then on past its end. */
    private void failItem(StrompyError e) {
        if (e.type() == ErrorType.SYNTAX) {
            syntax(e);
            return;
        }
        if (nextItemHere()) {
            // Say what happened rather than what the rest of the item would have had to be.
            e = in.error(ErrorType.SYNTAX, "item cut short: a new item starts on this line (the item began on line "
                    + itemLine + ")");
        }
        ready.add(new Part.Failure(e.atItem(item).atSource(source)));
        held = null;
        lhs = null;
        skipRest();
    }

    private void skipRest() {
        if (nextItemHere()) {
            in.restartAtToken();
            endItem();
        } else if (in.depth() > itemDepth) {
            state = State.SKIP;
        } else {
            endItem();
        }
    }

    /**
     * Whether a failed item was cut short by a line break: in a sequence, a '{' at the start of a
     * later line begins the next item (what one-item-per-line input such as NDJSON promises).
     */
    private boolean nextItemHere() {
        return layout == Layout.SEQUENCE && in.depth() > itemDepth && in.opensLineAfter(itemLine);
    }

    private void endItem() {
        state = State.BETWEEN;
        lhs = null;
        held = null;
        in.markBoundary();
        commaPending = layout == Layout.ARRAY;
    }

    /**
     * Whether everything fed so far has been decoded up to a point between items of a sequence
     * with nothing but whitespace after it (in an array: one comma and whitespace), so that a
     * fresh decoder for the bytes that follow ({@link #ItemDecoder(String, Limits, long, long,
     * boolean)}) would see them as this one would.
     *
     * @return the line the next byte would be on, or -1 when it is not so
     */
    public long cleanEnd() {
        if (state != State.BETWEEN || layout == Layout.UNKNOWN || !ready.isEmpty() || (fastAt >= 0 && waitFrom < 0)) {
            return -1;
        }
        // In an array, the comma after the last item must have come, and nothing else.
        return in.lineAfterBoundary(commaPending);
    }

    /** Whether the source is one array of items (as far as the decoder has read). */
    public boolean inArray() {
        return layout == Layout.ARRAY;
    }

    /** The number the next item gets. */
    public long nextItem() {
        return nextIndex;
    }

    /**
     * A syntax error: in a sequence of items it costs the item it falls in (or counts as one when
     * it falls between items) and decoding starts again at the next line; otherwise it ends the
     * source.
     */
    private void syntax(StrompyError e) {
        boolean inItem = state != State.BETWEEN && state != State.AFTER_ARRAY;
        if (layout == Layout.UNKNOWN && !in.unusable()) {
            // The first token failed, so it was no '[': a sequence of items.
            layout = Layout.SEQUENCE;
        }
        if (inItem) {
            e.atItem(item);
        } else if (layout == Layout.SEQUENCE) {
            e.atItem(nextIndex++);
        }
        if (inOp()) {
            e.atOp(ops.index(), null);
        }
        ready.add(new Part.Failure(e.atSource(source)));
        held = null;
        lhs = null;
        if (layout == Layout.SEQUENCE && !in.unusable()) {
            in.restart(inItem ? itemLine : Long.MAX_VALUE);
            endItem();
        } else {
            state = State.DONE;
        }
    }

    /** Whether the parser is inside an op object (between ops, errors name no op). */
    private boolean inOp() {
        return state == State.IN_RHS || (state == State.OPS && ops.insideOp());
    }

    /** Releases the parser and the bytes held; no more parts come. */
    @Override
    public void close() {
        in.close();
        ready.clear();
        state = State.DONE;
    }
}

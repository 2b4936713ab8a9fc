package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.error.Quote;
import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;
import dev.strompy.eval.Part;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonToken;

/**
 * Reads one {@link Frame} into parts (its {@code lhs}, each op with its position, its end) or its
 * failure, with the {@link LineScanner} if it can, else with Jackson. An item that is not
 * well-formed JSON fails with its first syntax error; otherwise with its first error, the rest
 * then read as JSON only. Ops are handed on as soon as they are read (those before {@code lhs}
 * once it comes), so a large frame is evaluated op by op. Not thread-safe.
 */
public final class FrameReader implements Part.Source {
    private enum State { START, ITEM, LHS, IN_LHS, OP, OPS, IN_RHS, END, CHECK, DONE }

    private static final String ITEM_FORM = "{\"lhs\": MATRIX, \"op\": [OP, ...]}";

    private final Tokens in;
    private final MatrixAssembler matrices;
    private final OpAssembler ops;
    private final LineScanner scanner;
    private final ArrayDeque<Part> ready = new ArrayDeque<>();
    private final List<Part> scanned = new ArrayList<>();
    private State state = State.DONE;
    private boolean waiting;
    private Matrix lhs;
    private boolean haveOps;
    private List<Part.Step> held;
    /** A failure that is not a syntax error, while the rest of the frame is read as JSON. */
    private StrompyError failure;
    /** While the rest is read: the item's value is complete, so any token after it is one too many. */
    private boolean valueDone;

    /** The limits: entries of a matrix, characters of a string and a number, levels, bytes of a frame. */
    public FrameReader(long maxElements, int maxString, int maxNumber, int maxDepth, int maxFrame) {
        this.in = new Tokens(maxString, maxNumber, maxDepth);
        this.matrices = new MatrixAssembler(in, maxElements);
        this.ops = new OpAssembler(in, matrices);
        this.scanner = new LineScanner(maxElements, maxFrame);
    }

    /** {@return a line scanner with the same limits, for a {@link Framer} on the same thread} */
    public LineScanner scanner() {
        return scanner;
    }

    /** Starts on a whole frame, or one the line scanner has read; its parts come from {@link #next()}. */
    public void read(Frame f) {
        begin(f);
        if (f.parts() != null) {
            ready.addAll(f.parts());
            state = State.DONE;
            return;
        }
        if (f.scan()) {
            scanned.clear();
            int end = f.offset() + f.length();
            if (scanner.scan(f.bytes(), f.offset(), end, f.line(), f.column(), scanned) == end) {
                ready.addAll(scanned);
                state = State.DONE;
                return;
            }
        }
        in.whole(f);
    }

    /** Starts on a large frame: its pieces come through {@link #feed}. */
    public void stream(Frame f) {
        begin(f);
        in.streamed(f);
    }

    /** The next piece of a large frame. */
    public void feed(Framer.Piece piece) {
        waiting = false;
        in.feed(piece);
    }

    /** {@return whether the item's outcome is decided and every part handed out (the rest of a large frame is not needed)} */
    public boolean isDone() {
        return state == State.DONE && ready.isEmpty();
    }

    private void begin(Frame f) {
        ready.clear();
        state = State.START;
        waiting = false;
        lhs = null;
        haveOps = false;
        held = null;
        failure = null;
    }

    @Override
    public Part next() {
        if (!ready.isEmpty()) {
            return ready.poll();
        }
        while (state != State.DONE) {
            JsonToken t;
            try {
                t = in.next();
                if (t == JsonToken.NOT_AVAILABLE) {
                    waiting = true;
                    return null;
                }
                step(t);
                if (waiting) {
                    return null;
                }
            } catch (StrompyError e) {
                if (e.type() == ErrorType.SYNTAX) {
                    fail(inOp() ? e.atOp(ops.index(), null) : e);
                } else {
                    check(e);
                }
            }
            if (!ready.isEmpty()) {
                return ready.poll();
            }
        }
        return null;
    }

    private void step(JsonToken t) {
        switch (state) {
            case CHECK -> {
                if (t == null) {
                    fail(failure);
                } else if (valueDone) {
                    throw in.error(ErrorType.SYNTAX, "unexpected data after the item");
                } else {
                    valueDone = in.depth() == 0;
                }
            }
            case END -> {
                if (t != null) {
                    throw in.error(ErrorType.SYNTAX, "unexpected data after the item");
                }
                ready.add(Part.END);
                finish();
            }
            case IN_LHS, IN_RHS -> {
                Matrix m = matrices.take(t);
                if (m == null) {
                    waiting = true;
                } else if (state == State.IN_LHS) {
                    lhs(m);
                } else {
                    ops.rhs(m);
                    state = State.OPS;
                }
            }
            default -> {
                if (t == null) {
                    throw in.endOfFrame();
                }
                accept(t);
            }
        }
    }

    private void accept(JsonToken t) {
        switch (state) {
            case START -> {
                if (t != JsonToken.START_OBJECT) {
                    throw in.error(ErrorType.SCHEMA, "an item must be an object " + ITEM_FORM + ", got " + JacksonErrors.describe(t));
                }
                state = State.ITEM;
            }
            case ITEM -> itemKey(t);
            case LHS -> {
                if (!MatrixAssembler.opens(t)) {
                    throw in.error(ErrorType.SCHEMA, "lhs must be a matrix (" + MatrixAssembler.FORMS + "), got "
                            + JacksonErrors.describe(t));
                }
                matrices.start("lhs", t);
                state = State.IN_LHS;
            }
            case OP -> {
                if (t != JsonToken.START_ARRAY) {
                    throw in.error(ErrorType.SCHEMA, "op must be an array of ops, got " + JacksonErrors.describe(t));
                }
                ops.startList();
                state = State.OPS;
            }
            default -> op(ops.accept(t));
        }
    }

    private void itemKey(JsonToken t) {
        if (t == JsonToken.END_OBJECT) {
            if (lhs == null || !haveOps) {
                throw in.error(ErrorType.SCHEMA, "missing key \"" + (lhs == null ? "lhs" : "op") + "\"");
            }
            state = State.END;
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

    private StrompyError duplicate(String key) {
        return in.error(ErrorType.SCHEMA, "duplicate key \"" + key + "\"");
    }

    private void lhs(Matrix m) {
        lhs = m;
        ready.add(new Part.Lhs(m));
        if (held != null) {
            ready.addAll(held);
            held = null;
        }
        state = State.ITEM;
    }

    /** What a token of the op array did. */
    private void op(OpAssembler.Event event) {
        switch (event) {
            case END -> state = State.ITEM;
            case MATRIX -> state = State.IN_RHS;
            case OP -> {
                Part.Step step = new Part.Step(ops.lastIndex(), ops.op(), ops.line(), ops.column());
                if (lhs != null) {
                    ready.add(step);
                } else {
                    if (held == null) {
                        held = new ArrayList<>();
                    }
                    held.add(step);
                }
            }
            case NONE -> {
            }
        }
    }

    /** Whether the parser is inside an op object (between ops, errors name no op). */
    private boolean inOp() {
        return state == State.IN_RHS || (state == State.OPS && ops.insideOp());
    }

    /** A failure that is not a syntax error: the rest of the frame is read as JSON only. */
    private void check(StrompyError e) {
        failure = e;
        held = null;
        lhs = null;
        state = State.CHECK;
        valueDone = in.depth() == 0;
    }

    /** The item's outcome is this failure. */
    private void fail(StrompyError e) {
        ready.add(new Part.Failure(e));
        finish();
    }

    private void finish() {
        state = State.DONE;
        held = null;
        lhs = null;
        failure = null;
        in.close();
    }
}

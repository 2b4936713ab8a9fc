package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;
import dev.strompy.eval.Op;
import dev.strompy.eval.OpCode;
import dev.strompy.eval.Operand;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonToken;

/**
 * Pulls work items, one at a time, from the bytes of one source.
 *
 * <p>A source is one top-level array of items or a sequence of items (e.g. NDJSON); the first
 * token decides. An item's ops are parsed only as they are pulled, so memory does not grow with
 * the length of an op chain, except when {@code op} comes before {@code lhs}: those ops are held
 * until {@code lhs} arrives.
 *
 * <p>Errors are {@link StrompyError}s with line, column and item set. After a syntax or read
 * error the source is unusable; after any other, {@link #skipItem()} moves to the end of the
 * failed item so that reading can go on.
 */
public final class WorkItemReader implements AutoCloseable {
    private enum Layout { UNKNOWN, ARRAY, SEQUENCE, DONE }

    private static final String ITEM_FORM = "{\"lhs\": MATRIX, \"op\": [OP, ...]}";

    private final JsonCursor in;
    private final MatrixParser matrices;
    private Layout layout = Layout.UNKNOWN;
    private long nextIndex;
    private WorkItem current;
    private int itemDepth;

    /** @param in the raw bytes of the source; closed by {@link #close()} */
    public WorkItemReader(InputStream in, ReadLimits limits) {
        this.in = new JsonCursor(in);
        this.matrices = new MatrixParser(this.in, limits.maxElements());
    }

    /**
     * The next item, skipping whatever is left of the previous one.
     *
     * @return null at the end of the source
     * @throws StrompyError on malformed input; the item index is set when it is known
     */
    public WorkItem next() {
        if (current != null && !current.complete()) {
            skipItem();
        }
        current = null;
        in.setItem(-1);
        JsonToken t = in.next();
        if (layout == Layout.UNKNOWN) {
            if (t == JsonToken.START_ARRAY) {
                layout = Layout.ARRAY;
                t = in.next();
            } else {
                layout = Layout.SEQUENCE;
            }
        }
        if (layout == Layout.DONE || t == null) {
            layout = Layout.DONE;
            return null;
        }
        if (layout == Layout.ARRAY && t == JsonToken.END_ARRAY) {
            layout = Layout.DONE;
            if (in.next() != null) {
                throw in.error(ErrorType.SYNTAX, "unexpected data after the top-level array");
            }
            return null;
        }
        long index = nextIndex++;
        in.setItem(index);
        itemDepth = layout == Layout.ARRAY ? 1 : 0;
        if (t != JsonToken.START_OBJECT) {
            throw in.error(ErrorType.SCHEMA, "an item must be an object " + ITEM_FORM + ", got " + JsonCursor.describe(t));
        }
        current = item(index);
        return current;
    }

    /**
     * Moves past the rest of the current item without evaluating it, after it failed.
     *
     * @throws StrompyError (syntax) if the rest is malformed or cut short
     */
    public void skipItem() {
        while (in.depth() > itemDepth) {
            if (in.next() == null) {
                throw in.error(ErrorType.SYNTAX, "unexpected end of input inside an item");
            }
        }
        current = null;
    }

    private WorkItem item(long index) {
        long[] start = in.position();
        Matrix lhs = null;
        List<OpCursor.Positioned> held = null;
        for (JsonToken t = in.next(); t != JsonToken.END_OBJECT; t = in.next()) {
            String key = in.name();
            if (key.equals("lhs")) {
                if (lhs != null) {
                    throw duplicate("lhs");
                }
                in.next();
                lhs = matrices.matrix("lhs");
            } else if (key.equals("op")) {
                if (held != null) {
                    throw duplicate("op");
                }
                openOps();
                if (lhs != null) {
                    return new WorkItem(index, start[0], start[1], lhs, OpCursor.streaming(this::nextOp));
                }
                held = new ArrayList<>();
                for (OpCursor.Positioned p = op(0); p != null; p = op(held.size())) {
                    held.add(p);
                }
            } else {
                throw unknownKey(key);
            }
        }
        if (lhs == null || held == null) {
            throw in.error(ErrorType.SCHEMA, "missing key \"" + (lhs == null ? "lhs" : "op") + "\"");
        }
        return new WorkItem(index, start[0], start[1], lhs, OpCursor.replaying(held));
    }

    private void openOps() {
        JsonToken t = in.next();
        if (t != JsonToken.START_ARRAY) {
            throw in.error(ErrorType.SCHEMA, "op must be an array of ops, got " + JsonCursor.describe(t));
        }
    }

    /** The next op of a streaming item; at the end of the array, reads the rest of the item. */
    private OpCursor.Positioned nextOp(long index) {
        OpCursor.Positioned p = op(index);
        if (p == null) {
            if (in.next() != JsonToken.END_OBJECT) {
                String key = in.name();
                throw key.equals("lhs") || key.equals("op") ? duplicate(key) : unknownKey(key);
            }
        }
        return p;
    }

    /** Reads one op object, or returns null at the end of the op array. */
    private OpCursor.Positioned op(long index) {
        JsonToken t = in.next();
        if (t == JsonToken.END_ARRAY) {
            return null;
        }
        try {
            return opObject(t);
        } catch (StrompyError e) {
            throw e.atOp(index, null);
        }
    }

    private OpCursor.Positioned opObject(JsonToken first) {
        if (first != JsonToken.START_OBJECT) {
            throw in.error(ErrorType.SCHEMA, "an op must be an object {\"code\": NAME, \"rhs\": ...}, got "
                    + JsonCursor.describe(first));
        }
        long[] start = in.position();
        OpCode code = null;
        Operand rhs = null;
        boolean haveRhs = false;
        for (JsonToken t = in.next(); t != JsonToken.END_OBJECT; t = in.next()) {
            String key = in.name();
            if (key.equals("code")) {
                if (code != null) {
                    throw in.error(ErrorType.SCHEMA, "duplicate key \"code\" in op");
                }
                code = code();
            } else if (key.equals("rhs")) {
                if (haveRhs) {
                    throw in.error(ErrorType.SCHEMA, "duplicate key \"rhs\" in op");
                }
                haveRhs = true;
                in.next();
                rhs = matrices.operand();
            } else {
                throw in.error(ErrorType.SCHEMA, "unknown key \"" + key + "\" in op (expected \"code\" and \"rhs\")");
            }
        }
        if (code == null) {
            throw in.errorAt(start, ErrorType.SCHEMA, "op is missing key \"code\"");
        }
        try {
            return new OpCursor.Positioned(new Op(code, rhs), start[0], start[1]);
        } catch (StrompyError e) {
            throw in.errorAt(start, e.type(), e.detail()).atOp(-1, code.code());
        }
    }

    private OpCode code() {
        JsonToken t = in.next();
        if (t != JsonToken.VALUE_STRING) {
            throw in.error(ErrorType.SCHEMA, "code must be a string, got " + JsonCursor.describe(t));
        }
        try {
            return OpCode.lookup(in.text());
        } catch (StrompyError e) {
            throw in.error(e.type(), e.detail());
        }
    }

    private StrompyError duplicate(String key) {
        return in.error(ErrorType.SCHEMA, "duplicate key \"" + key + "\"");
    }

    private StrompyError unknownKey(String key) {
        return in.error(ErrorType.SCHEMA, "unknown key \"" + key + "\" (expected \"lhs\" and \"op\")");
    }

    @Override
    public void close() {
        in.close();
    }
}

package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.error.Quote;
import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;
import dev.strompy.eval.Op;
import dev.strompy.eval.OpCode;
import dev.strompy.eval.Operand;
import dev.strompy.eval.Scalar;
import tools.jackson.core.JsonToken;

/**
 * Assembles the ops of an item's {@code op} array, token by token, checked against the catalogue,
 * with the position of each opening brace; a matrix {@code rhs} goes through the
 * {@link MatrixAssembler} and comes back with {@link #rhs(Matrix)}.
 */
final class OpAssembler {
    /** What a token did. */
    enum Event { NONE, OP, MATRIX, END }

    private enum State { LIST, KEY, CODE, RHS }

    private final Tokens in;
    private final MatrixAssembler matrices;
    private final Position start = new Position();
    private State state = State.LIST;
    private boolean inside;
    private long index;
    private OpCode code;
    private Operand rhs;
    private boolean haveRhs;
    private Op op;

    OpAssembler(Tokens in, MatrixAssembler matrices) {
        this.in = in;
        this.matrices = matrices;
    }

    /** After the array's '[': the first op is op 0. */
    void startList() {
        state = State.LIST;
        inside = false;
        index = 0;
    }

    /** The index of the op being read, or of the next one. */
    long index() {
        return index;
    }

    /** Whether an op object is open (errors inside one name its index). */
    boolean insideOp() {
        return inside;
    }

    /**
     * {@return what the array's next token did}: {@link Event#OP} completes an op ({@link #op()}),
     * {@link Event#MATRIX} starts a matrix {@code rhs} on the matrix assembler, {@link Event#END}
     * is the array's ']'
     */
    Event accept(JsonToken t) {
        try {
            return switch (state) {
                case LIST -> list(t);
                case KEY -> key(t);
                case CODE -> code(t);
                case RHS -> rhsValue(t);
            };
        } catch (StrompyError e) {
            throw e.atOp(index, null);
        }
    }

    /** The matrix {@code rhs} that {@link Event#MATRIX} started, now complete. */
    void rhs(Matrix m) {
        rhs = m;
        state = State.KEY;
    }

    /** The op that {@link Event#OP} announced. */
    Op op() {
        return op;
    }

    long line() {
        return start.line;
    }

    long column() {
        return start.column;
    }

    /** The index the op that {@link Event#OP} announced had. */
    long lastIndex() {
        return index - 1;
    }

    private Event list(JsonToken t) {
        if (t == JsonToken.END_ARRAY) {
            return Event.END;
        }
        if (t != JsonToken.START_OBJECT) {
            throw in.error(ErrorType.SCHEMA, "an op must be an object {\"code\": NAME, \"rhs\": ...}, got "
                    + JacksonErrors.describe(t));
        }
        in.mark(start);
        code = null;
        rhs = null;
        haveRhs = false;
        inside = true;
        state = State.KEY;
        return Event.NONE;
    }

    private Event key(JsonToken t) {
        if (t == JsonToken.END_OBJECT) {
            return end();
        }
        String key = in.name();
        if (key.equals("code")) {
            if (code != null) {
                throw in.error(ErrorType.SCHEMA, "duplicate key \"code\" in op");
            }
            state = State.CODE;
        } else if (key.equals("rhs")) {
            if (haveRhs) {
                throw in.error(ErrorType.SCHEMA, "duplicate key \"rhs\" in op");
            }
            haveRhs = true;
            state = State.RHS;
        } else {
            throw in.error(ErrorType.SCHEMA, "unknown key " + Quote.of(key) + " in op (expected \"code\" and \"rhs\")");
        }
        return Event.NONE;
    }

    private Event code(JsonToken t) {
        if (t != JsonToken.VALUE_STRING) {
            throw in.error(ErrorType.SCHEMA, "code must be a string, got " + JacksonErrors.describe(t));
        }
        String name = in.text();
        try {
            code = OpCode.lookup(name);
        } catch (StrompyError e) {
            throw in.error(e.type(), e.detail());
        }
        state = State.KEY;
        return Event.NONE;
    }

    private Event rhsValue(JsonToken t) {
        if (MatrixAssembler.isNumber(t)) {
            rhs = new Scalar(in.number());
            state = State.KEY;
            return Event.NONE;
        }
        if (MatrixAssembler.opens(t)) {
            matrices.start("rhs", t);
            return Event.MATRIX;
        }
        throw in.error(ErrorType.SCHEMA, "rhs must be a matrix or a number, got " + JacksonErrors.describe(t));
    }

    private Event end() {
        if (code == null) {
            throw in.errorAt(start, ErrorType.SCHEMA, "op is missing key \"code\"");
        }
        try {
            op = new Op(code, rhs);
        } catch (StrompyError e) {
            throw in.errorAt(start, e.type(), e.detail()).atOp(-1, code.code());
        }
        rhs = null;
        inside = false;
        index++;
        state = State.LIST;
        return Event.OP;
    }
}

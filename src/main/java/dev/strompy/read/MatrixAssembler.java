package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.error.Quote;
import dev.strompy.eval.Matrix;
import java.util.Arrays;
import tools.jackson.core.JsonToken;

/**
 * Assembles a matrix, {@code [[row], ...]} or {@code {"d": [...], "n": COLS}}, token by token into
 * a primitive buffer, counting entries against the element limit as they come.
 */
final class MatrixAssembler {
    static final String FORMS = "[[1, 2], [3, 4]] or {\"d\": [1, 2, 3, 4], \"n\": 2}";
    /** The buffer a matrix starts with, and what it shrinks back to after a large one. */
    private static final int INITIAL = 64;
    private static final int KEEP = 4096;

    private enum State { ROWS, ROW, PACKED, D_OPEN, D, N }

    private final Tokens in;
    private final long maxElements;
    private double[] buffer = new double[INITIAL];
    private int size;
    private State state;
    private String what;
    private final Position start = new Position();
    private final Position rowStart = new Position();
    private int rowBegin;
    private int rows;
    private int cols;
    private boolean haveD;
    private long n;

    MatrixAssembler(Tokens in, long maxElements) {
        this.in = in;
        this.maxElements = maxElements;
    }

    /** Whether a token can start a matrix. */
    static boolean opens(JsonToken t) {
        return t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT;
    }

    /** Starts a matrix at its first token, which {@link #opens} it; {@code name} names it in messages. */
    void start(String name, JsonToken first) {
        what = name;
        in.mark(start);
        size = 0;
        if (buffer.length > KEEP) {
            buffer = new double[INITIAL];
        }
        if (first == JsonToken.START_ARRAY) {
            state = State.ROWS;
            rows = 0;
            cols = -1;
        } else {
            state = State.PACKED;
            haveD = false;
            n = -1;
        }
    }

    /**
     * {@return the matrix, its tokens taken from {@code t} on until it is complete, or null when
     * the parser needs more input (then call again with the next token)}: the hot loop of reading
     */
    Matrix take(JsonToken t) {
        while (t != JsonToken.NOT_AVAILABLE) {
            if ((t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT)
                    && (state == State.ROW || state == State.D)) {
                entry(t);
            } else {
                Matrix m = accept(t);
                if (m != null) {
                    return m;
                }
            }
            t = in.next();
        }
        return null;
    }

    /** Takes the next token of the matrix; @return the matrix once its last token is taken, else null. */
    private Matrix accept(JsonToken t) {
        switch (state) {
            case ROWS -> {
                if (t == JsonToken.END_ARRAY) {
                    if (rows == 0) {
                        throw in.errorAt(start, ErrorType.SCHEMA, what + " has no rows (a matrix is " + FORMS + ")");
                    }
                    return done(rows, cols);
                }
                if (t != JsonToken.START_ARRAY) {
                    String hint = isNumber(t) ? " (nested rows: [[1, 2]], not [1, 2])" : "";
                    throw in.error(ErrorType.SCHEMA,
                            what + " row " + rows + " must be an array of numbers, got " + JacksonErrors.describe(t) + hint);
                }
                in.mark(rowStart);
                rowBegin = size;
                state = State.ROW;
            }
            case ROW -> {
                if (t != JsonToken.END_ARRAY) {
                    entry(t);
                } else {
                    endRow();
                    state = State.ROWS;
                }
            }
            case PACKED -> {
                return packedKey(t);
            }
            case D_OPEN -> {
                if (t != JsonToken.START_ARRAY) {
                    throw in.error(ErrorType.SCHEMA, what + ": d must be an array of numbers, got " + JacksonErrors.describe(t));
                }
                size = 0;
                state = State.D;
            }
            case D -> {
                if (t == JsonToken.END_ARRAY) {
                    state = State.PACKED;
                } else {
                    entry(t);
                }
            }
            case N -> {
                n = columns(t);
                state = State.PACKED;
            }
        }
        return null;
    }

    private void endRow() {
        int count = size - rowBegin;
        if (count == 0) {
            throw in.errorAt(rowStart, ErrorType.SCHEMA, what + " row " + rows + " is empty");
        }
        if (cols < 0) {
            cols = count;
        } else if (count != cols) {
            throw in.errorAt(rowStart, ErrorType.SCHEMA, "ragged rows in " + what + ": row " + rows + " has "
                    + count + (count == 1 ? " entry" : " entries") + ", row 0 has " + cols);
        }
        rows++;
    }

    private Matrix packedKey(JsonToken t) {
        if (t == JsonToken.END_OBJECT) {
            if (!haveD || n < 0) {
                throw in.errorAt(start, ErrorType.SCHEMA, what + " is missing key \"" + (haveD ? "n" : "d") + "\"");
            }
            if (size == 0) {
                throw in.errorAt(start, ErrorType.SCHEMA, what + ": d is empty");
            }
            if (size % n != 0) {
                throw in.errorAt(start, ErrorType.SCHEMA, what + ": d has " + size + " entries, not a multiple of n = " + n);
            }
            return done((int) (size / n), (int) n);
        }
        String key = in.name();
        if (key.equals("d")) {
            if (haveD) {
                throw in.error(ErrorType.SCHEMA, "duplicate key \"d\" in " + what);
            }
            haveD = true;
            state = State.D_OPEN;
        } else if (key.equals("n")) {
            if (n >= 0) {
                throw in.error(ErrorType.SCHEMA, "duplicate key \"n\" in " + what);
            }
            state = State.N;
        } else {
            throw in.error(ErrorType.SCHEMA, "unknown key " + Quote.of(key) + " in " + what + " (expected \"d\" and \"n\")");
        }
        return null;
    }

    private Matrix done(int r, int c) {
        state = null;
        return new Matrix(r, c, Arrays.copyOf(buffer, size));
    }

    private long columns(JsonToken t) {
        Long v = t == JsonToken.VALUE_NUMBER_INT ? in.longValue() : null;
        if (v == null || v < 1 || v > Integer.MAX_VALUE) {
            String got = isNumber(t) ? in.text() : JacksonErrors.describe(t);
            throw in.error(ErrorType.SCHEMA, what + ": n must be a positive integer, got " + got);
        }
        return v;
    }

    private void entry(JsonToken t) {
        if (!isNumber(t)) {
            throw in.error(ErrorType.SCHEMA, what + " entries must be numbers, got " + JacksonErrors.describe(t));
        }
        if (size >= maxElements) {
            throw in.error(ErrorType.LIMIT, what + " has more than " + maxElements + " elements (--max-elements)");
        }
        if (size == buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min((long) size * 2, Integer.MAX_VALUE - 8));
        }
        buffer[size++] = in.number();
    }

    static boolean isNumber(JsonToken t) {
        return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
    }
}

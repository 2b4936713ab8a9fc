package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.eval.Matrix;
import dev.strompy.eval.Operand;
import dev.strompy.eval.Scalar;
import java.util.Arrays;
import tools.jackson.core.JsonToken;

/**
 * Reads a matrix in either form, {@code [[row], ...]} or {@code {"d": [...], "n": COLS}},
 * straight into a primitive buffer, counting entries against the element limit as it goes.
 */
final class MatrixParser {
    static final String FORMS = "[[1, 2], [3, 4]] or {\"d\": [1, 2, 3, 4], \"n\": 2}";

    private final JsonCursor in;
    private final long maxElements;
    private double[] buffer = new double[64];
    private int size;

    MatrixParser(JsonCursor in, long maxElements) {
        this.in = in;
        this.maxElements = maxElements;
    }

    /** Reads an op's rhs, the current token being its first: a number or a matrix. */
    Operand operand() {
        JsonToken t = in.current();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return new Scalar(in.number());
        }
        if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
            return matrix("rhs");
        }
        throw in.error(ErrorType.SCHEMA, "rhs must be a matrix or a number, got " + JsonCursor.describe(t));
    }

    /** Reads a matrix, the current token being its first; {@code what} names it in messages. */
    Matrix matrix(String what) {
        JsonToken t = in.current();
        if (t == JsonToken.START_ARRAY) {
            return rows(what);
        }
        if (t == JsonToken.START_OBJECT) {
            return packed(what);
        }
        throw in.error(ErrorType.SCHEMA, what + " must be a matrix (" + FORMS + "), got " + JsonCursor.describe(t));
    }

    private Matrix rows(String what) {
        long[] start = in.position();
        size = 0;
        int rows = 0;
        int cols = -1;
        for (JsonToken t = in.next(); t != JsonToken.END_ARRAY; t = in.next()) {
            if (t != JsonToken.START_ARRAY) {
                String hint = isNumber(t) ? " (nested rows: [[1, 2]], not [1, 2])" : "";
                throw in.error(ErrorType.SCHEMA,
                        what + " row " + rows + " must be an array of numbers, got " + JsonCursor.describe(t) + hint);
            }
            long[] rowStart = in.position();
            int before = size;
            for (JsonToken e = in.next(); e != JsonToken.END_ARRAY; e = in.next()) {
                entry(what, e);
            }
            int count = size - before;
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
        if (rows == 0) {
            throw in.errorAt(start, ErrorType.SCHEMA, what + " has no rows (a matrix is " + FORMS + ")");
        }
        return new Matrix(rows, cols, Arrays.copyOf(buffer, size));
    }

    private Matrix packed(String what) {
        long[] start = in.position();
        boolean haveD = false;
        long n = -1;
        for (JsonToken t = in.next(); t != JsonToken.END_OBJECT; t = in.next()) {
            String key = in.name();
            if (key.equals("d")) {
                if (haveD) {
                    throw in.error(ErrorType.SCHEMA, "duplicate key \"d\" in " + what);
                }
                haveD = true;
                flat(what);
            } else if (key.equals("n")) {
                if (n >= 0) {
                    throw in.error(ErrorType.SCHEMA, "duplicate key \"n\" in " + what);
                }
                n = columns(what);
            } else {
                throw in.error(ErrorType.SCHEMA, "unknown key \"" + key + "\" in " + what + " (expected \"d\" and \"n\")");
            }
        }
        if (!haveD || n < 0) {
            throw in.errorAt(start, ErrorType.SCHEMA, what + " is missing key \"" + (haveD ? "n" : "d") + "\"");
        }
        if (size == 0) {
            throw in.errorAt(start, ErrorType.SCHEMA, what + ": d is empty");
        }
        if (size % n != 0) {
            throw in.errorAt(start, ErrorType.SCHEMA, what + ": d has " + size + " entries, not a multiple of n = " + n);
        }
        return new Matrix((int) (size / n), (int) n, Arrays.copyOf(buffer, size));
    }

    private void flat(String what) {
        JsonToken t = in.next();
        if (t != JsonToken.START_ARRAY) {
            throw in.error(ErrorType.SCHEMA, what + ": d must be an array of numbers, got " + JsonCursor.describe(t));
        }
        size = 0;
        for (JsonToken e = in.next(); e != JsonToken.END_ARRAY; e = in.next()) {
            entry(what, e);
        }
    }

    private long columns(String what) {
        JsonToken t = in.next();
        Long v = t == JsonToken.VALUE_NUMBER_INT ? in.longValue() : null;
        if (v == null || v < 1 || v > Integer.MAX_VALUE) {
            String got = isNumber(t) ? in.text() : JsonCursor.describe(t);
            throw in.error(ErrorType.SCHEMA, what + ": n must be a positive integer, got " + got);
        }
        return v;
    }

    private void entry(String what, JsonToken t) {
        if (!isNumber(t)) {
            throw in.error(ErrorType.SCHEMA, what + " entries must be numbers, got " + JsonCursor.describe(t));
        }
        if (size >= maxElements) {
            throw in.error(ErrorType.LIMIT, what + " has more than " + maxElements + " elements (--max-elements)");
        }
        if (size == buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min((long) size * 2, Integer.MAX_VALUE - 8));
        }
        buffer[size++] = in.number();
    }

    private static boolean isNumber(JsonToken t) {
        return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
    }
}

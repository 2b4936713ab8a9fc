package dev.strompy.read;

import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;
import dev.strompy.eval.Op;
import dev.strompy.eval.OpCode;
import dev.strompy.eval.Operand;
import dev.strompy.eval.Part;
import dev.strompy.eval.Scalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fast path for the common line of a sequence of items: one item on a line of its own, in the
 * usual shape ({@code {"lhs": MATRIX, "op": [{"code": NAME, "rhs": MATRIX or NUMBER}, ...]}},
 * a matrix as rows or as {@code {"d": [...], "n": COLS}}), read straight from the bytes.
 *
 * <p>It only ever says yes or no: at anything it does not expect (another key order, an escape
 * or a non-ASCII byte in a string, a number with more than 15 significant digits or an exponent,
 * an unknown op, ragged rows, anything that would be an error) it declines the line, and the
 * line goes to Jackson, which reads it and is the only author of error messages. What it accepts
 * it reads as Jackson would: the same numbers (exactly rounded by {@link Decimals}), the same
 * op positions.
 */
final class LineScanner {
    private static final byte[] LHS = bytes("\"lhs\"");
    private static final byte[] OP = bytes("\"op\"");
    private static final byte[] CODE = bytes("\"code\"");
    private static final byte[] RHS = bytes("\"rhs\"");
    private static final byte[] D = bytes("\"d\"");
    private static final byte[] N = bytes("\"n\"");
    /**
     * Longer lines are left to Jackson, which streams them op by op: the scanner holds a whole
     * line and all its parts at once.
     */
    static final int MAX_LINE = 4 << 20;
    /** Lines with more ops, or more numbers in all, are left to Jackson too. */
    private static final int MAX_OPS = 4096;
    private static final int MAX_ENTRIES = 1 << 20;
    /** Longer op codes are declined: no op code is this long. */
    private static final int MAX_CODE = 32;

    private final long maxElements;
    private double[] buffer = new double[64];
    private int size;
    /** Numbers read on this line. */
    private int entries;
    private byte[] in;
    private int pos;
    private int end;
    private long line;
    private int lineStart;
    /** A declined line: thrown from deep inside, caught once per line. */
    /** 10^15: a mantissa below it has at most 15 significant digits, and is exact as a double. */
    private static final long MAX_MANTISSA = 1_000_000_000_000_000L;
    private static final RuntimeException DECLINE = new RuntimeException("declined", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    LineScanner(long maxElements) {
        this.maxElements = maxElements;
    }

    /**
     * Reads the line that starts at {@code from}, if it is blank or holds one item the fast path
     * reads.
     *
     * @param lines the index just past the last '\n' in {@code bytes[from, to)}: the line is
     *     whole, so the scanner never runs out of bytes in it (a branch that the compiler would
     *     otherwise see taken only now and then, at the end of each chunk of input)
     * @param line the 1-based number of the line, for the positions of its ops
     * @param item the number the line's item gets, if it holds one
     * @param out takes the item's parts (lhs, each op, end); untouched when the line is declined
     * @param inArray the line holds an item of the top-level array and its comma; it is read only
     *     if the next byte that is not whitespace (in {@code bytes[0, to)}) opens the next item,
     *     so that the parser can start again at any line the scanner leaves, just inside the array
     * @return the index just past the line's newline (a blank line adds no part); {@code from}
     *     when the line is declined
     */
    int scan(byte[] bytes, int from, int lines, int to, long line, long item, List<Part> out, boolean inArray) {
        this.in = bytes;
        this.pos = from;
        // A line longer than MAX_LINE runs into this end, and is declined.
        this.end = (int) Math.min(lines, (long) from + MAX_LINE);
        this.entries = 0;
        this.line = line;
        this.lineStart = from;
        try {
            skipSpace();
            if (pos < end && in[pos] == '\n') {
                return pos + 1;
            }
            expect('{');
            skipSpace();
            expect(LHS);
            colon();
            Matrix lhs = matrix();
            skipSpace();
            expect(',');
            skipSpace();
            expect(OP);
            colon();
            expect('[');
            skipSpace();
            List<Part.Step> steps = new ArrayList<>();
            if (peek() != ']') {
                steps.add(op(item, 0));
                skipSpace();
                while (peek() == ',') {
                    if (steps.size() == MAX_OPS) {
                        throw DECLINE;
                    }
                    pos++;
                    skipSpace();
                    steps.add(op(item, steps.size()));
                    skipSpace();
                }
            }
            expect(']');
            skipSpace();
            expect('}');
            skipSpace();
            if (inArray) {
                expect(',');
                skipSpace();
            }
            expect('\n');
            if (inArray && nextItemAfter(bytes, pos, to) != '{') {
                // Also when nothing follows yet: the line is whole, so waiting for more of it
                // would not help.
                return from;
            }
            out.add(new Part.Lhs(item, lhs));
            out.addAll(steps);
            out.add(new Part.End(item));
            return pos;
        } catch (RuntimeException declined) {
            return from;
        } finally {
            in = null;
        }
    }

    /** The first byte in {@code bytes[from, to)} that is not whitespace, or 0. */
    private static byte nextItemAfter(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return 0;
    }

    private Part.Step op(long item, long index) {
        long column = pos - lineStart + 1;
        expect('{');
        skipSpace();
        expect(CODE);
        colon();
        OpCode code = code();
        skipSpace();
        Operand rhs = null;
        if (peek() == ',') {
            pos++;
            skipSpace();
            expect(RHS);
            colon();
            byte b = peek();
            rhs = b == '[' || b == '{' ? matrix() : new Scalar(number());
            skipSpace();
        }
        expect('}');
        Op op;
        try {
            op = new Op(code, rhs);
        } catch (StrompyError e) {
            throw DECLINE;
        }
        return new Part.Step(item, index, op, line, column);
    }

    private OpCode code() {
        expect('"');
        int start = pos;
        while (peek() != '"') {
            byte b = in[pos];
            if (b == '\\' || b < 0x20 || b >= 0x7f || pos - start > MAX_CODE) {
                throw DECLINE;
            }
            pos++;
        }
        OpCode op = CodeTable.find(in, start, pos);
        if (op == null) {
            // An unknown code: Jackson's path reports it.
            throw DECLINE;
        }
        pos++;
        return op;
    }

    /** A matrix, its first byte ('[' or '{') next. */
    private Matrix matrix() {
        size = 0;
        if (peek() == '[') {
            pos++;
            skipSpace();
            int rows = 0;
            int cols = -1;
            while (true) {
                int before = size;
                row();
                int count = size - before;
                if (cols >= 0 && count != cols) {
                    throw DECLINE;
                }
                cols = count;
                rows++;
                skipSpace();
                if (peek() == ']') {
                    pos++;
                    return new Matrix(rows, cols, Arrays.copyOf(buffer, size));
                }
                expect(',');
                skipSpace();
            }
        }
        expect('{');
        skipSpace();
        expect(D);
        colon();
        row();
        skipSpace();
        expect(',');
        skipSpace();
        expect(N);
        colon();
        long n = integer();
        skipSpace();
        expect('}');
        if (n < 1 || size % n != 0) {
            throw DECLINE;
        }
        return new Matrix((int) (size / n), (int) n, Arrays.copyOf(buffer, size));
    }

    /** A non-empty array of numbers, appended to the buffer. */
    private void row() {
        expect('[');
        skipSpace();
        while (true) {
            if (size >= maxElements || ++entries > MAX_ENTRIES) {
                throw DECLINE;
            }
            if (size == buffer.length) {
                buffer = Arrays.copyOf(buffer, size * 2);
            }
            buffer[size++] = number();
            skipSpace();
            byte b = peek();
            pos++;
            if (b == ']') {
                return;
            }
            if (b != ',') {
                throw DECLINE;
            }
            skipSpace();
        }
    }

    /**
     * A JSON number of at most 15 significant digits, with an optional fraction and no
     * exponent: the exact mantissa over an exact power of ten, as {@link Decimals} reads it.
     */
    private double number() {
        // Locals rather than fields, so that this stays small enough to be inlined where it is
        // called, once per number.
        byte[] in = this.in;
        int end = this.end;
        int p = pos;
        boolean negative = p < end && in[p] == '-';
        if (negative) {
            p++;
        }
        int first = p;
        long mantissa = 0;
        if (p < end && in[p] == '0') {
            p++;
        } else {
            int d;
            while (p < end && (d = in[p] - '0') >= 0 && d <= 9) {
                mantissa = mantissa * 10 + d;
                p++;
            }
            if (p == first) {
                throw DECLINE;
            }
        }
        int fraction = 0;
        if (p < end && in[p] == '.') {
            int point = ++p;
            int d;
            while (p < end && (d = in[p] - '0') >= 0 && d <= 9) {
                mantissa = mantissa * 10 + d;
                p++;
            }
            fraction = p - point;
            if (fraction == 0) {
                throw DECLINE;
            }
        }
        // No exponent; at most 18 digits (no overflow), of which at most 15 significant.
        int digits = p - first - (fraction > 0 ? 1 : 0);
        if ((p < end && (in[p] | 0x20) == 'e') || digits > 18 || mantissa >= MAX_MANTISSA) {
            throw DECLINE;
        }
        pos = p;
        double v = fraction > 0 ? mantissa / Decimals.POWERS_OF_TEN[fraction] : (double) mantissa;
        return negative ? -v : v;
    }

    /** A positive integer of at most 9 digits (the {@code n} of the packed form). */
    private long integer() {
        long v = 0;
        int digits = 0;
        byte b;
        while (pos < end && (b = in[pos]) >= '0' && b <= '9') {
            if (digits == 0 && b == '0') {
                throw DECLINE;
            }
            v = v * 10 + (b - '0');
            digits++;
            pos++;
        }
        byte next = peek();
        if (digits == 0 || digits > 9 || next == '.' || next == 'e' || next == 'E') {
            throw DECLINE;
        }
        return v;
    }

    private void colon() {
        skipSpace();
        expect(':');
        skipSpace();
    }

    /** Skips spaces and tabs, and a '\r' before the line's '\n' (a lone '\r' breaks a line for Jackson). */
    private void skipSpace() {
        while (pos < end) {
            byte b = in[pos];
            if (b == '\r') {
                if (pos + 1 < end && in[pos + 1] != '\n') {
                    throw DECLINE;
                }
            } else if (b != ' ' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    private byte peek() {
        if (pos >= end) {
            throw DECLINE;
        }
        return in[pos];
    }

    private void expect(char c) {
        if (peek() != c) {
            throw DECLINE;
        }
        pos++;
    }

    private void expect(byte[] word) {
        if (end - pos < word.length) {
            throw DECLINE;
        }
        for (int i = 0; i < word.length; i++) {
            if (in[pos + i] != word[i]) {
                throw DECLINE;
            }
        }
        pos += word.length;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}

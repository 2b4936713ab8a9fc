package dev.strompy.read;

import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;
import dev.strompy.eval.Op;
import dev.strompy.eval.OpCode;
import dev.strompy.eval.Operand;
import dev.strompy.eval.Part;
import dev.strompy.eval.Scalar;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A fast path for the common item, read straight from the bytes: {@code {"lhs": MATRIX, "op":
 * [{"code": NAME, "rhs": MATRIX or NUMBER}, ...]}} in that key order, on one line or several
 * (line breaks are whitespace; Jackson's non-blocking parser numbers the lines after them by
 * the larger of the counts of '\n' and of '\r', so the scanner does too). At anything else (another key
 * order, an escape, a number with more than 15 significant digits or an exponent, anything that
 * would be an error) it declines, and Jackson reads the item. What it accepts it reads as Jackson
 * would, to the bit ({@link Decimals}), the line and the column. No line inside an item it
 * accepts starts another item (a <code>{"lhs"</code> or <code>{"op"</code> line), so where it ends the item
 * is where the framing rules end it.
 */
public final class LineScanner {
    /** {@link #scan}'s answer: not an item the scanner reads, or not all of it in the bytes given. */
    static final int DECLINED = -1;
    private static final byte[] LHS = bytes("\"lhs\"");
    private static final byte[] OP = bytes("\"op\"");
    private static final byte[] CODE = bytes("\"code\"");
    private static final byte[] RHS = bytes("\"rhs\"");
    private static final byte[] D = bytes("\"d\"");
    private static final byte[] N = bytes("\"n\"");
    /** Items with more ops, or more numbers in all, are left to Jackson. */
    private static final int MAX_OPS = 4096;
    private static final int MAX_ENTRIES = 1 << 20;
    /** Longer op codes are declined: no op code is this long. */
    private static final int MAX_CODE = 32;
    /** 10^15: a mantissa below it has at most 15 significant digits, and is exact as a double. */
    private static final long MAX_MANTISSA = 1_000_000_000_000_000L;

    /** The scanner declines: thrown from deep inside, caught once per item. */
    private static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Declined() {
            super(null, null, false, false);
        }
    }

    private static final Declined DECLINE = new Declined();

    private final long maxElements;
    private final int maxLength;
    private double[] buffer = new double[64];
    private int size;
    /** Numbers read in this item. */
    private int entries;
    private byte[] in;
    private int pos;
    private int end;
    private long line;
    private long firstColumn;
    private int itemStart;
    /** Line feeds and carriage returns in the item so far, and where the line after the last one starts. */
    private int feeds;
    private int returns;
    private int lineStart;

    /** A scanner that declines matrices over {@code maxElements} entries and items over {@code maxLength} bytes. */
    public LineScanner(long maxElements, int maxLength) {
        this.maxElements = maxElements;
        this.maxLength = maxLength;
    }

    /**
     * {@return the index just past the closing brace of the item in the usual shape at
     * {@code bytes[from, to)} (a '{' at 1-based {@code line} and {@code column}), its parts
     * (lhs, each op, end) added to {@code out}; or {@link #DECLINED}, {@code out} untouched}
     */
    int scan(byte[] bytes, int from, int to, long line, long column, List<Part> out) {
        this.in = bytes;
        this.pos = from;
        this.end = (int) Math.min(to, (long) from + maxLength);
        this.entries = 0;
        this.line = line;
        this.firstColumn = column;
        this.itemStart = from;
        this.feeds = 0;
        this.returns = 0;
        int mark = out.size();
        try {
            expect('{');
            skipSpace();
            expect(LHS);
            colon();
            out.add(new Part.Lhs(matrix()));
            skipSpace();
            expect(',');
            skipSpace();
            expect(OP);
            colon();
            expect('[');
            skipSpace();
            if (peek() != ']') {
                int ops = 0;
                out.add(op(ops++));
                skipSpace();
                while (peek() == ',') {
                    if (ops == MAX_OPS) {
                        throw DECLINE;
                    }
                    pos++;
                    skipSpace();
                    out.add(op(ops++));
                    skipSpace();
                }
            }
            expect(']');
            skipSpace();
            expect('}');
            out.add(Part.END);
            return pos;
        } catch (Declined declined) {
            // The parts added so far go again: out as it was.
            while (out.size() > mark) {
                out.remove(out.size() - 1);
            }
            return DECLINED;
        } finally {
            in = null;
        }
    }

    /** {@return whether the item the last successful {@link #scan} read is on several lines} */
    boolean severalLines() {
        return feeds + returns > 0;
    }

    private Part.Step op(long index) {
        boolean firstLine = feeds + returns == 0;
        long column = firstLine ? firstColumn + (pos - itemStart) : pos - lineStart + 1;
        long opLine = line + Math.max(feeds, returns);
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
            rhs = b == '[' || b == '{' ? matrix() : new Scalar(scalar());
            skipSpace();
        }
        expect('}');
        Op op;
        try {
            op = new Op(code, rhs);
        } catch (StrompyError e) {
            throw DECLINE;
        }
        return new Part.Step(index, op, opLine, column);
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
        numbers(false);
    }

    /** A number on its own (an op's {@code rhs}). */
    private double scalar() {
        size = 0;
        numbers(true);
        return buffer[0];
    }

    /**
     * Numbers from {@link #pos} on, appended to the buffer: the row's, separated by commas, up to
     * and past the ']' that ends it; or one alone. Each is read as {@link Decimals} reads it: at
     * most 15 significant digits, no exponent. All in one loop with its state in locals, where
     * the JIT keeps it in registers.
     */
    private void numbers(boolean one) {
        byte[] in = this.in;
        int end = this.end;
        double[] buffer = this.buffer;
        int size = this.size;
        // How many more numbers the matrix and the item can take.
        long room = Math.min(maxElements - size, MAX_ENTRIES - entries);
        int p = pos;
        while (true) {
            if (--room < 0) {
                throw DECLINE;
            }
            if (size == buffer.length) {
                buffer = Arrays.copyOf(buffer, size * 2);
                this.buffer = buffer;
            }
            if (p >= end) {
                throw DECLINE;
            }
            // Signs and fractions come as they come: the sign and the division below take no
            // branch, which would be mispredicted as often as not.
            int negative = in[p] == '-' ? 1 : 0;
            p += negative;
            int first = p;
            long mantissa = 0;
            int d;
            if (p < end && in[p] == '0') {
                p++;
            } else {
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
                while (p < end && (d = in[p] - '0') >= 0 && d <= 9) {
                    mantissa = mantissa * 10 + d;
                    p++;
                }
                fraction = p - point;
                if (fraction == 0) {
                    throw DECLINE;
                }
            }
            // At most 18 digits (no overflow), of which at most 15 significant. (An exponent, or
            // anything else after the digits, is where a comma, a ']' or a '}' should be: declined.)
            int digits = p - first - (fraction > 0 ? 1 : 0);
            if (digits > 18 || mantissa >= MAX_MANTISSA) {
                throw DECLINE;
            }
            // Exact: the mantissa and 10^0 to 10^18 are doubles, and the quotient is correctly rounded.
            double v = mantissa / Decimals.POWERS_OF_TEN[fraction];
            buffer[size++] = Double.longBitsToDouble(Double.doubleToRawLongBits(v) ^ (long) negative << 63);
            if (one) {
                break;
            }
            // A comma or the row's end, with blank space around it.
            if (p >= end) {
                throw DECLINE;
            }
            byte b = in[p];
            if (b != ',' && b != ']') {
                pos = p;
                skipSpace();
                p = pos;
                if (p >= end) {
                    throw DECLINE;
                }
                b = in[p];
            }
            p++;
            if (b == ']') {
                break;
            }
            if (b != ',') {
                throw DECLINE;
            }
            if (p < end && (in[p] == ' ' || in[p] == '\t' || in[p] == '\n' || in[p] == '\r')) {
                pos = p;
                skipSpace();
                p = pos;
            }
        }
        entries += size - this.size;
        this.size = size;
        pos = p;
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

    /** Skips whitespace, counting line feeds and carriage returns as Jackson does. */
    private void skipSpace() {
        while (pos < end) {
            byte b = in[pos];
            if (b == ' ' || b == '\t') {
                pos++;
            } else if (b == '\n' || b == '\r') {
                if (b == '\n') {
                    feeds++;
                } else {
                    returns++;
                }
                lineStart = ++pos;
            } else {
                return;
            }
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
        for (int i = 0; i < word.length; i++) {
            if (pos + i >= end || in[pos + i] != word[i]) {
                throw DECLINE;
            }
        }
        pos += word.length;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

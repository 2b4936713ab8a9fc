package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.util.Arrays;
import java.util.Locale;

/**
 * Finds where one item's bytes end, for the {@link Framer}, from brackets, strings (their
 * escapes, their UTF-8) and lines, in as many pieces as the bytes come: at its end, at what can
 * never be JSON (see the framing rules), or at a line that starts the next item ({@link #startsItem}).
 */
final class ItemCut {
    /** What the item is: brackets (or an array's string), an array's token, a sequence's bad line. */
    enum Kind { GROUP, TOKEN, LINE }

    private final int maxDepth;
    private boolean array;
    Kind kind;
    private boolean inString;
    private boolean escape;
    private boolean lineOpens;
    private int depth;
    private byte[] stack = new byte[16];
    /** The last scan stopped to see more bytes (of the start of a line, or of a character). */
    boolean looking;
    /** The syntax error where the item's bytes end, if any; whether the next item starts there. */
    StrompyError error;
    boolean cutShort;
    private long itemLine;

    ItemCut(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** Starts an item of this kind on {@code line}, in an array of items or a sequence. */
    void start(Kind k, boolean inArray, long line) {
        kind = k;
        itemLine = line;
        array = inArray;
        inString = false;
        escape = false;
        lineOpens = false;
        depth = 0;
        error = null;
        cutShort = false;
        looking = false;
    }

    /**
     * {@return where the item's bytes end (with {@link #error} set, where the cut found what ends
     * them), looking from {@code in.pos} up to {@code limit} (a character or a line's start up to
     * {@code in.end}); -1 when they go on past it or {@link #looking} for more, with {@code in.pos}
     * where it stopped}
     */
    int scan(Window in, int limit) {
        looking = false;
        if (kind != Kind.TOKEN) {
            return group(in, limit);
        }
        byte[] b = in.buf;
        for (int p = in.pos; p < limit; p++) {
            byte c = b[p];
            if (c == '\n' || c == '\r' || c == ' ' || c == '\t' || c == ',' || c == ']' || c == '}' || c == '['
                    || c == '{' || c == '"' || c == ':') {
                return p;
            }
            if (c < 0) {
                return broken(p, String.format(Locale.ROOT, "non-ASCII byte 0x%02X outside a string", c & 0xFF), in);
            }
        }
        in.pos = limit;
        return -1;
    }

    private int group(Window in, int limit) {
        byte[] b = in.buf;
        int p = in.pos;
        // The state in locals while the loop runs: the hot loop of cutting.
        boolean str = inString;
        boolean esc = escape;
        boolean opens = lineOpens;
        int d = depth;
        while (true) {
            if (!esc && !opens) {
                // Most bytes (digits, commas, spaces, letters) change nothing.
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
                        return broken(p, "line break inside a string", in);
                    }
                } else if (c == '"') {
                    str = false;
                    if (d == 0 && kind == Kind.GROUP) {
                        return p + 1;
                    }
                } else if (c == '\\') {
                    esc = true;
                } else if (c == '\n' || c == '\r') {
                    return broken(p, "line break inside a string", in);
                } else if (c < 0) {
                    int n = utf8(b, p, in.end, in.ended);
                    if (n == 0) {
                        return broken(p, String.format(Locale.ROOT, "invalid UTF-8: byte 0x%02X", c & 0xFF), in);
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
                if (kind == Kind.LINE) {
                    return p;
                }
                in.lines.lineBreak(in.base + p, c);
                opens = true;
                p++;
                continue;
            }
            if (opens && c != ' ' && c != '\t') {
                // The first byte of a line inside the item, after any indent.
                int next = startsItem(b, p, in.end, in.ended, array);
                if (next < 0) {
                    looking = true;
                    break;
                }
                opens = false;
                if (next > 0) {
                    return cutHere(p, in);
                }
            }
            if (c == '"') {
                str = true;
            } else if (kind == Kind.LINE && c >= 0) {
                // A bad line's brackets count for nothing: it ends with the line.
                p++;
                continue;
            } else if (c == '{' || c == '[') {
                if (d == maxDepth) {
                    return broken(p, "nesting deeper than " + maxDepth + " levels", in);
                }
                if (d == stack.length) {
                    stack = Arrays.copyOf(stack, Math.min(maxDepth, 2 * d));
                }
                stack[d++] = c;
            } else if (c == '}' || c == ']') {
                byte open = stack[--d];
                if ((open == '{') != (c == '}')) {
                    return broken(p, "unexpected '" + (char) c + "': expected '" + (open == '{' ? '}' : ']') + "'", in);
                }
                byte last = in.lastBefore(p);
                if (last == ',' || last == ':') {
                    // Where the parser, fed in pieces, may let it pass.
                    return broken(p, "unexpected '" + (char) c + "' after '" + (char) last + "'", in);
                }
                if (d == 0) {
                    return p + 1;
                }
            } else if (c < 0) {
                return broken(p, String.format(Locale.ROOT, "non-ASCII byte 0x%02X outside a string", c & 0xFF), in);
            }
            p++;
        }
        in.pos = p;
        inString = str;
        escape = esc;
        lineOpens = opens;
        depth = d;
        return -1;
    }

    /** The item is cut short at {@code p}: the line that starts there starts an item. */
    int cutHere(int p, Window in) {
        cutShort = true;
        error = new StrompyError(ErrorType.SYNTAX, "item cut short: a new item starts on this line").beganOnLine(itemLine)
                .atPosition(in.lines.line, in.column(p));
        return p;
    }

    private int broken(int p, String message, Window in) {
        error = new StrompyError(ErrorType.SYNTAX, message).atPosition(in.lines.line, in.column(p));
        return p;
    }

    /**
     * {@return 1 if the line that starts (after its indent) at {@code b[p]}, inside an open item,
     * starts the next item instead, 0 if not, -1 when more bytes must come to tell}: it does with
     * an object whose first key is an item's ("lhs" or "op"), which no item holds, and in a
     * sequence with a byte no line of an item starts with (a letter: an item holds no literal)
     */
    static int startsItem(byte[] b, int p, int end, boolean ended, boolean inArray) {
        byte c = b[p];
        if (c != '{') {
            boolean goesOn = c == '[' || c == ']' || c == '}' || c == '"' || c == ',' || c == ':' || c == '-'
                    || (c >= '0' && c <= '9');
            return goesOn || inArray ? 0 : 1;
        }
        int i = p + 1;
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        int lhs = prefix(b, i, end, LHS_KEY);
        int op = prefix(b, i, end, OP_KEY);
        return lhs > 0 || op > 0 ? 1 : lhs < 0 || op < 0 ? (ended ? 0 : -1) : 0;
    }

    private static final byte[] LHS_KEY = {'"', 'l', 'h', 's', '"'};
    private static final byte[] OP_KEY = {'"', 'o', 'p', '"'};

    /** 1 when {@code b[i, end)} starts with {@code word}, 0 when it does not, -1 when too few bytes have come. */
    private static int prefix(byte[] b, int i, int end, byte[] word) {
        for (int k = 0; k < word.length; k++) {
            if (i + k >= end) {
                return -1;
            }
            if (b[i + k] != word[k]) {
                return 0;
            }
        }
        return 1;
    }

    /**
     * {@return the length of the UTF-8 sequence at {@code b[p]} (a byte above 127) as RFC 3629
     * has them, 0 when it is not valid UTF-8, -1 when more bytes must come to tell}
     */
    private static int utf8(byte[] b, int p, int end, boolean ended) {
        int lead = b[p] & 0xFF;
        int n;
        int low = 0x80;
        int high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            n = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            n = 3;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            n = 4;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        for (int k = 1; k < n; k++) {
            if (p + k >= end) {
                return ended ? 0 : -1;
            }
            int c = b[p + k] & 0xFF;
            if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xBF)) {
                return 0;
            }
        }
        return n;
    }

    /** Bytes that change nothing outside strings: all but '"', brackets, line breaks and bytes above 127. */
    private static final boolean[] PLAIN = new boolean[256];
    /** Bytes that change nothing inside strings: all but '"', '\\', control characters and bytes above 127. */
    private static final boolean[] STRING_PLAIN = new boolean[256];

    static {
        for (int c = 0; c < 128; c++) {
            PLAIN[c] = c != '"' && c != '{' && c != '}' && c != '[' && c != ']' && c != '\n' && c != '\r';
            STRING_PLAIN[c] = c >= 0x20 && c != '"' && c != '\\';
        }
    }

}

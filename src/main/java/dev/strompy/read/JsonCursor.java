package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * A jackson-core parser over the raw bytes of one source, with every Jackson failure turned into
 * a typed error at the place it happened: this is the one boundary where that happens.
 */
final class JsonCursor implements AutoCloseable {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private final InputStream source;
    /** Made on the first {@link #next()}, so that even the first bytes' errors come from there. */
    private JsonParser parser;
    /** The item being read, for error messages; -1 between items. */
    private long item = -1;

    JsonCursor(InputStream in) {
        this.source = in;
    }

    void setItem(long index) {
        item = index;
    }

    /** The next token, or null at the end of input. */
    JsonToken next() {
        try {
            if (parser == null) {
                parser = FACTORY.createParser(ObjectReadContext.empty(), Encoding.utf8(source));
            }
            return parser.nextToken();
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    JsonToken current() {
        return parser.currentToken();
    }

    /** The name of the current property. */
    String name() {
        return parser.currentName();
    }

    /** The current string value. */
    String text() {
        try {
            return parser.getString();
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    /** Nesting depth of the current context: 0 at the root. */
    int depth() {
        return parser.streamReadContext().getNestingDepth();
    }

    /**
     * The current number token as a double: {@code -0} keeps its sign, and a literal beyond
     * double range is a range error rather than an infinity.
     */
    double number() {
        try {
            double fast = exactDecimal(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
            if (fast == fast) {
                return fast;
            }
            // Every literal the fast path declines is nonzero or has a fraction or exponent, so
            // Jackson's own parse keeps the sign of zero ("-0" itself never gets here).
            double v = parser.getDoubleValue();
            if (Double.isInfinite(v)) {
                String text = parser.getString();
                if (text.length() > 40) {
                    text = text.substring(0, 37) + "...";
                }
                throw error(ErrorType.RANGE, "number out of double range: " + text);
            }
            return v;
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    /** Exact powers of ten: every one up to 10^22 is a double. */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    /**
     * The common number, parsed without Jackson's general algorithm: at most 15 significant
     * digits (the mantissa is then exact as a long and as a double), an optional fraction, no
     * exponent. Dividing that exact mantissa by an exact power of ten is one correctly rounded
     * IEEE operation (Clinger's fast path), so the result is the correctly rounded value of the
     * literal, the same double any correct parser gives. Returns NaN for anything else, which
     * then goes the general way.
     */
    static double exactDecimal(char[] text, int offset, int length) {
        int i = offset;
        int end = offset + length;
        boolean negative = i < end && text[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < end; i++) {
            char c = text[i];
            if (c >= '0' && c <= '9') {
                if (digits > 0 || c != '0') {
                    digits++;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits > 15 || fraction > 22) {
            return Double.NaN;
        }
        double v = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : (double) mantissa;
        return negative ? -v : v;
    }

    /** The current integer token, or null when it does not fit in a long. */
    Long longValue() {
        try {
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                return null;
            }
            return parser.getLongValue();
        } catch (JacksonException e) {
            return null;
        }
    }

    /** An error at the current token, in the current item if any. */
    StrompyError error(ErrorType type, String message) {
        return at(new StrompyError(type, message), parser.currentTokenLocation());
    }

    /** An error at an earlier {@link #position()}, in the current item if any. */
    StrompyError errorAt(long[] position, ErrorType type, String message) {
        StrompyError e = new StrompyError(type, message).atPosition(position[0], position[1]);
        return item >= 0 ? e.atItem(item) : e;
    }

    /** Where the current token starts: {line, column}. */
    long[] position() {
        TokenStreamLocation loc = parser.currentTokenLocation();
        return new long[] {loc.getLineNr(), loc.getColumnNr()};
    }

    private StrompyError at(StrompyError e, TokenStreamLocation loc) {
        if (loc != null) {
            e.atPosition(loc.getLineNr(), loc.getColumnNr());
        }
        if (item >= 0) {
            e.atItem(item);
        }
        return e;
    }

    private StrompyError translate(JacksonException e) {
        if (e instanceof JacksonIOException io) {
            Throwable cause = io.getCause() != null ? io.getCause() : io;
            return at(new StrompyError(ErrorType.IO, "read error: " + cause.getMessage(), e), null);
        }
        String message = e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            message = "input exceeds a parser limit: " + message.replaceAll(", from `[^`]*`\\)", ")");
        }
        TokenStreamLocation loc = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        return at(new StrompyError(ErrorType.SYNTAX, tidy(message), e), loc);
    }

    /** Jackson's messages, without the parts that repeat what our location already says. */
    static String tidy(String message) {
        String m = message == null ? "malformed JSON" : message;
        int marker = m.indexOf(" (start marker at");
        if (marker >= 0) {
            m = m.substring(0, marker);
        }
        int hint = m.indexOf(": enable `");
        if (hint >= 0) {
            m = m.substring(0, hint);
        }
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        return m;
    }

    /** How a token is named in messages: "a string", "an object". */
    static String describe(JsonToken t) {
        if (t == null) {
            return "end of input";
        }
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case VALUE_NULL:
                return "null";
            default:
                return t.toString();
        }
    }

    @Override
    public void close() {
        try {
            if (parser != null) {
                parser.close();
            } else {
                source.close();
            }
        } catch (JacksonException | java.io.IOException e) {
            // Closing only releases buffers and the source; a failure here loses nothing.
        }
    }
}

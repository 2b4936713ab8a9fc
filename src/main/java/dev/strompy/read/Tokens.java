package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

/**
 * jackson-core's parser over one frame: tokens with their places in the source, and every Jackson
 * failure turned into a typed error at its place. A fresh non-blocking parser (UTF-8 only) reads
 * each frame, whole or piece by piece ({@link JsonToken#NOT_AVAILABLE}: the next piece). Where the
 * frame's bytes end, the framer's error, if any, wins unless Jackson found one before.
 */
final class Tokens {
    private static final int DEFAULT_MAX_STRING = 1 << 16;
    private static final int DEFAULT_MAX_NUMBER = 1000;
    private static final int DEFAULT_MAX_DEPTH = 500;

    private final int maxString;
    private final int maxNumber;
    private final int maxDepth;
    /** Made for the first frame Jackson reads: an input the line scanner reads whole never loads Jackson. */
    private JsonFactory factory;
    private JsonParser parser;
    private ByteArrayFeeder feeder;
    private long firstLine;
    private long firstColumn;
    /** The framer's error where the frame's bytes end, or null. */
    private StrompyError atEnd;
    /** The last piece of a large frame has been fed. */
    private boolean lastFed;
    /** How many bytes of the frame the parser has been given. */
    private long length;
    // A large frame: the piece the parser reads, where it starts in the frame, and the last
    // bytes of the piece before (the sign of a "-0" may be there).
    private Framer.Piece piece;
    private long pieceStart;
    private final byte[] before = new byte[4];
    /** Jackson's failure where the pieces fed so far end, held until the next says whether the frame ends there. */
    private JacksonException held;

    /** The factory for the default limits, shared: it holds tables worth sharing. */
    private static final class Shared {
        static final JsonFactory DEFAULT = factory(DEFAULT_MAX_STRING, DEFAULT_MAX_NUMBER, DEFAULT_MAX_DEPTH);
    }

    /** @param maxString, maxNumber, maxDepth Jackson's limits, in characters and levels */
    Tokens(int maxString, int maxNumber, int maxDepth) {
        this.maxString = maxString;
        this.maxNumber = maxNumber;
        this.maxDepth = maxDepth;
    }

    private JsonFactory factory() {
        if (factory == null) {
            factory = maxString == DEFAULT_MAX_STRING && maxNumber == DEFAULT_MAX_NUMBER && maxDepth == DEFAULT_MAX_DEPTH
                    ? Shared.DEFAULT : factory(maxString, maxNumber, maxDepth);
        }
        return factory;
    }

    private static JsonFactory factory(int maxString, int maxNumber, int maxDepth) {
        return JsonFactory.builder()
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxString)
                        .maxNumberLength(maxNumber).maxNestingDepth(maxDepth).build())
                .build();
    }

    /** A parser over the whole frame. */
    void whole(Frame f) {
        streamed(f);
        feed(new Framer.Piece(f.bytes(), f.offset(), f.length(), true, f.error()));
    }

    /** A parser for a large frame: its pieces come through {@link #feed}. */
    void streamed(Frame f) {
        close();
        firstLine = f.line();
        firstColumn = f.column();
        atEnd = f.error();
        parser = factory().createNonBlockingByteArrayParser(ObjectReadContext.empty());
        feeder = (ByteArrayFeeder) parser.nonBlockingInputFeeder();
        lastFed = false;
        length = 0;
        piece = null;
        held = null;
    }

    /** The next piece of a large frame, once the parser has asked for it ({@link JsonToken#NOT_AVAILABLE}). */
    void feed(Framer.Piece next) {
        if (piece != null) {
            for (int i = 0; i < before.length; i++) {
                before[i] = at(length - before.length + i);
            }
        }
        piece = next;
        pieceStart = length;
        length += next.length();
        if (held == null) {
            feeder.feedInput(next.bytes(), next.offset(), next.offset() + next.length());
        }
        if (next.last()) {
            atEnd = next.error();
            lastFed = true;
            feeder.endOfInput();
        }
    }

    /** A byte of a large frame, at an offset in the frame: in the piece read, or just before it; else 0. */
    private byte at(long offset) {
        if (offset >= pieceStart && offset < length) {
            return piece.bytes()[piece.offset() + (int) (offset - pieceStart)];
        }
        long i = offset - (pieceStart - before.length);
        return i >= 0 && i < before.length ? before[(int) i] : 0;
    }

    /** {@return the next token: NOT_AVAILABLE when a large frame needs its next piece, null at its end} */
    JsonToken next() {
        if (held != null) {
            if (heldOn()) {
                return JsonToken.NOT_AVAILABLE;
            }
            throw translate(held);
        }
        try {
            JsonToken t = parser.nextToken();
            // Before the low half of a surrogate pair in a name, the parser asks for more while
            // it still holds a few bytes: it reads them when asked again.
            for (int again = 0; t == JsonToken.NOT_AVAILABLE && !lastFed && !feeder.needMoreInput() && again < 8; again++) {
                t = parser.nextToken();
            }
            // After the end of its input the non-blocking parser asks for more once before a
            // value at the root, and for ever inside an array after a comma: then it has run
            // into the end of the frame's bytes.
            for (int again = 0; t == JsonToken.NOT_AVAILABLE && lastFed && again < 2; again++) {
                t = parser.nextToken();
            }
            if (t == JsonToken.NOT_AVAILABLE && lastFed) {
                throw endOfFrame();
            }
            return t;
        } catch (JacksonException e) {
            held = e;
            if (heldOn()) {
                return JsonToken.NOT_AVAILABLE;
            }
            throw translate(e);
        } catch (NumberFormatException e) {
            throw numberCutShort(e);
        }
    }

    /** {@return whether the failure held is where the bytes fed so far end, and more may come} */
    private boolean heldOn() {
        return !lastFed && location(held).getByteOffset() >= length;
    }

    private TokenStreamLocation location(JacksonException e) {
        return e.getLocation() != null ? e.getLocation() : parser.currentLocation();
    }

    /** The parser's answer to a number cut short by the end of its input ("5e-"), which it hands on unchecked. */
    private StrompyError numberCutShort(NumberFormatException e) {
        TokenStreamLocation loc = parser.currentLocation();
        return lastFed && atEnd != null ? atEnd
                : new StrompyError(ErrorType.SYNTAX, "malformed number", e).atPosition(lineOf(loc), columnOf(loc));
    }

    /** {@return how deep the current token is: 0 for a value at the root, or the end of one} */
    int depth() {
        return parser.streamReadContext().getNestingDepth();
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

    /** The current number as a double: {@code -0} keeps its sign, a literal beyond double range is a range error. */
    double number() {
        try {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                // Jackson has parsed it already, and a long becomes the nearest double, correctly
                // rounded. Jackson gives "-0" as the integer 0; the literal keeps its sign.
                long v = parser.getLongValue();
                return v == 0 && negative() ? -0.0 : v;
            }
            double fast = Decimals.exactDecimal(parser.getStringCharacters(), parser.getStringOffset(),
                    parser.getStringLength());
            if (fast == fast) {
                return fast;
            }
            // Every literal the fast path declines here has a fraction or exponent, or is too
            // long for a long, so Jackson's own parse keeps the sign of zero.
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
        } catch (NumberFormatException e) {
            throw numberCutShort(e);
        }
    }

    /** Whether the current token, an integer zero, was "-0": the parser keeps "0" and stands just past it or its delimiter. */
    private boolean negative() {
        long p = parser.currentLocation().getByteOffset();
        long zero = at(p - 1) == '0' ? p - 1 : p - 2;
        return at(zero) == '0' && at(zero - 1) == '-';
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

    /** {@return the error where the frame's bytes end before its item does: the framer's, if it found one there} */
    StrompyError endOfFrame() {
        return atEnd != null ? atEnd : error(ErrorType.SYNTAX, "unexpected end of input");
    }

    /** An error at the current token. */
    StrompyError error(ErrorType type, String message) {
        Position here = new Position();
        mark(here);
        return errorAt(here, type, message);
    }

    /** An error at an earlier {@link #mark}ed place. */
    StrompyError errorAt(Position position, ErrorType type, String message) {
        return new StrompyError(type, message).atPosition(position.line, position.column);
    }

    /** Puts where the current token starts into {@code into}. */
    void mark(Position into) {
        JsonToken t = parser.currentToken();
        TokenStreamLocation loc;
        long back = 0;
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
            // The non-blocking parser leaves the token location of a close marker at the token
            // before it; the marker is the one byte just read.
            loc = parser.currentLocation();
            back = 1;
        } else {
            loc = parser.currentTokenLocation();
        }
        into.set(lineOf(loc), columnOf(loc) - back);
    }

    private long lineOf(TokenStreamLocation loc) {
        return firstLine + loc.getLineNr() - 1;
    }

    private long columnOf(TokenStreamLocation loc) {
        return loc.getLineNr() == 1 ? firstColumn + loc.getColumnNr() - 1 : loc.getColumnNr();
    }

    private StrompyError translate(JacksonException e) {
        TokenStreamLocation loc = location(e);
        boolean atTheEnd = e instanceof UnexpectedEndOfInputException || loc.getByteOffset() >= length;
        if (atTheEnd && atEnd != null && lastFed) {
            // Jackson ran into the end of the frame's bytes, where the framer found what ends them.
            return atEnd;
        }
        if (e instanceof UnexpectedEndOfInputException) {
            return new StrompyError(ErrorType.SYNTAX, "incomplete value", e).atPosition(lineOf(loc), columnOf(loc));
        }
        if (e instanceof StreamConstraintsException) {
            // Where the overlong token starts: where its reading stopped says nothing more.
            loc = parser.currentTokenLocation();
        }
        return JacksonErrors.syntax(e).atPosition(lineOf(loc), columnOf(loc));
    }

    /** Releases the parser. */
    void close() {
        if (parser != null) {
            parser.close();
            parser = null;
        }
    }
}

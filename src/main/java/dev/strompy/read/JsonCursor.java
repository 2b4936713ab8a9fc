package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.nio.ByteBuffer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * jackson-core's non-blocking parser over the bytes of one source, fed by the caller: tokens come
 * out as far as the bytes fed allow, {@link JsonToken#NOT_AVAILABLE} means "feed me". Every
 * Jackson failure is turned here into a typed error at the place it happened; this is the one
 * boundary where that happens.
 *
 * <p>The input must be UTF-8: a byte order mark is dropped, and UTF-16 or UTF-32 (a BOM or NUL
 * bytes in the first four) is refused, which costs holding back up to four bytes before the
 * first token. After a syntax error, {@link #restart} begins a fresh parser further on, with
 * positions that go on counting from the start of the source.
 */
final class JsonCursor implements AutoCloseable {
    /**
     * The longest string the parser keeps: valid input holds only short ones (op codes, at most
     * 64 characters), so a huge string is refused while it is read, in bounded memory.
     */
    static final int MAX_STRING = 1 << 16;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING).build())
            .build();
    private static final int SNIFF = 4;

    private final FedBytes bytes = new FedBytes();
    private JsonParser parser = FACTORY.createNonBlockingByteArrayParser(ObjectReadContext.empty());
    private ByteArrayFeeder feeder = (ByteArrayFeeder) parser.nonBlockingInputFeeder();
    private boolean encodingChecked;
    private boolean inputEnded;
    private boolean parserEnded;
    /** Stream offset where the current parser started, and the lines before it. */
    private long parserStart;
    private long lineOffset;
    /** The last point between items, as a stream offset, and its line. */
    private long boundary;
    private long boundaryLine = 1;
    /** After a restart: bytes are dropped up to and including the next newline. */
    private boolean skippingLine;
    private boolean closed;
    /** After {@link #scanFrom}: the bytes the scanner reads were never given to the parser. */
    private boolean unfed;

    /** Feeds {@code data[0, length)}, which the caller hands over and never touches again. */
    void feedOwned(byte[] data, int length) {
        if (skippingLine || !bytes.adopt(data, length)) {
            feed(data, 0, length);
        }
    }

    void feed(byte[] data, int offset, int length) {
        if (skippingLine) {
            int end = offset + length;
            int i = offset;
            while (i < end && data[i] != '\n') {
                i++;
            }
            if (i == end) {
                parserStart += length;
                return;
            }
            parserStart += i + 1 - offset;
            bytes.restartAt(parserStart);
            skippingLine = false;
            length = end - (i + 1);
            offset = i + 1;
        }
        bytes.append(data, offset, length);
    }

    void feed(ByteBuffer data) {
        if (skippingLine) {
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            feed(copy, 0, copy.length);
        } else {
            bytes.append(data);
        }
    }

    void endOfInput() {
        inputEnded = true;
    }

    /** Bytes fed that the parser has not yet been given. */
    int buffered() {
        return bytes.pending();
    }

    /**
     * The next token: {@link JsonToken#NOT_AVAILABLE} when more input is needed, null at the end
     * of input.
     */
    JsonToken next() {
        if (unfed) {
            throw new IllegalStateException("the parser was not given the bytes the scanner reads");
        }
        try {
            while (true) {
                JsonToken t = parser.nextToken();
                if (t != JsonToken.NOT_AVAILABLE || !handOver()) {
                    return t;
                }
            }
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    /** Gives the parser more input, once it has used up what it had; false if there is none. */
    private boolean handOver() {
        if (closed) {
            return false;
        }
        if (!encodingChecked && !checkEncoding()) {
            return false;
        }
        int cut = skippingLine ? 0 : bytes.cut(inputEnded);
        if (cut > 0) {
            byte[] next = bytes.handOver(cut);
            feeder.feedInput(next, 0, bytes.readingLength());
            return true;
        }
        if (inputEnded && !parserEnded) {
            parserEnded = true;
            feeder.endOfInput();
            return true;
        }
        return false;
    }

    /** @return whether enough bytes have come to tell; throws if they are not UTF-8 */
    private boolean checkEncoding() {
        int n = Math.min(SNIFF, bytes.pending());
        if (n < SNIFF && !inputEnded) {
            return false;
        }
        encodingChecked = true;
        if (n >= 3 && bytes.peek(0) == (byte) 0xEF && bytes.peek(1) == (byte) 0xBB && bytes.peek(2) == (byte) 0xBF) {
            bytes.drop(3);
            return true;
        }
        if (wide(n)) {
            closed = true;
            throw new StrompyError(ErrorType.SYNTAX, "input is not UTF-8 (it looks like UTF-16 or UTF-32)")
                    .atPosition(1, 1);
        }
        return true;
    }

    /** Whether the first {@code n} bytes fed look like UTF-16 or UTF-32: a NUL, or a BOM of theirs. */
    private boolean wide(int n) {
        for (int i = 0; i < n; i++) {
            byte b = bytes.peek(i);
            if (b == 0 || (i == 0 && (b == (byte) 0xFE || b == (byte) 0xFF))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Before any byte has gone to the parser: whether the bytes fed so far can be read from the
     * source's start by the {@link LineScanner}. 1 when they are UTF-8 (a byte order mark is then
     * dropped), 0 when too few have come to tell, -1 when they look like another encoding: the
     * parser reports that.
     */
    int sniff() {
        if (encodingChecked) {
            return 1;
        }
        int n = Math.min(SNIFF, bytes.pending());
        if (n < SNIFF && !inputEnded) {
            return 0;
        }
        if (wide(n)) {
            return -1;
        }
        return checkEncoding() ? 1 : 0;
    }

    /**
     * Before any byte has gone to the parser: the first byte fed that is not a space, a tab or a
     * '\r' (a '\n' included), or 0 when there is none yet. Only the first {@link FedBytes#HOLD}
     * bytes are looked at: past them, a space.
     */
    byte firstByte() {
        for (int i = 0; i < bytes.pending(); i++) {
            byte b = bytes.peek(i);
            if (i == FedBytes.HOLD || (b != ' ' && b != '\t' && b != '\r')) {
                return i == FedBytes.HOLD ? (byte) ' ' : b;
            }
        }
        return 0;
    }

    /** Whether the source failed for good (it is not UTF-8): no restart can help. */
    boolean unusable() {
        return closed;
    }

    /**
     * After a syntax error in a sequence of items: starts a fresh parser where the next item can
     * begin. That is the start of the line the parser has reached, when it stands at that start
     * or the line is short and later than the line the failed item began on (the item was cut
     * short by a line break); otherwise the start of the next line. Either way the new parser
     * starts past the old one's start, so every restart makes progress.
     *
     * @param itemLine the line the failed item began on; {@link Long#MAX_VALUE} outside an item
     */
    void restart(long itemLine) {
        TokenStreamLocation here = parser.currentLocation();
        long offset = parserStart + here.getByteOffset();
        long line = lineOffset + here.getLineNr();
        long lineStart = offset - (here.getColumnNr() - 1);
        boolean cutShort = here.getColumnNr() == 1 || (line > itemLine && here.getColumnNr() <= FedBytes.WINDOW);
        newParser();
        if (cutShort && lineStart > parserStart && lineStart >= bytes.earliest()) {
            startAt(lineStart, line);
            return;
        }
        if (here.getColumnNr() > 1 && offset - 1 > parserStart && offset - 1 >= bytes.earliest() && offset - 1 < bytes.end()
                && bytes.at(offset - 1) == '\n') {
            // The parser failed just past a newline that it did not count as one (a newline in a
            // string): the next line starts here, wherever the input happened to be cut.
            startAt(offset, line + 1);
            return;
        }
        for (long i = offset; i < bytes.end(); i++) {
            if (bytes.at(i) == '\n') {
                startAt(i + 1, line + 1);
                return;
            }
        }
        // The rest of this line has not come yet: drop bytes as they come, up to its end.
        bytes.restartAt(bytes.end());
        parserStart = bytes.end();
        lineOffset = line;
        skippingLine = true;
    }

    /**
     * Where the line after the parser's position starts, if the rest of the current line (in the
     * bytes fed) is only whitespace (with {@code comma}: and the one comma after an
     * item of an array): just after an item's closing brace, where the {@link LineScanner} can
     * take over. Otherwise -1, or -2 when it is only whitespace as far as the bytes fed go.
     */
    long nextLineStart(boolean comma) {
        TokenStreamLocation here = parser.currentLocation();
        long offset = parserStart + here.getByteOffset();
        if (here.getColumnNr() == 1) {
            return comma ? -1 : offset;
        }
        long end = bytes.end();
        boolean commaSeen = false;
        for (long i = offset; i < end; i++) {
            byte b = bytes.at(i);
            if (b == '\n') {
                return commaSeen == comma ? i + 1 : -1;
            }
            if (b == ',' && comma && !commaSeen) {
                commaSeen = true;
                continue;
            }
            if (b == '\r' && i + 1 >= end) {
                return -2;
            }
            if (b == '\r' && bytes.at(i + 1) != '\n') {
                // A lone '\r' breaks the line too: leave such lines to the parser.
                return -1;
            }
            if (b != ' ' && b != '\t' && b != '\r') {
                return -1;
            }
        }
        return -2;
    }

    /** Starts in the middle of a source, at the start of line {@code line}: no encoding to sniff. */
    void continueAt(long line) {
        encodingChecked = true;
        lineOffset = line - 1;
        boundaryLine = line;
    }

    /** Marks the parser's position as the last point between items: see {@link #lineAfterBoundary}. */
    void markBoundary() {
        TokenStreamLocation here = parser.currentLocation();
        markBoundary(parserStart + here.getByteOffset(), lineOffset + here.getLineNr());
    }

    /** Marks a stream offset, on {@code line}, as the last point between items. */
    void markBoundary(long offset, long line) {
        boundary = offset;
        boundaryLine = line;
    }

    /**
     * The line the next byte fed would be on, if every byte fed after the last point between
     * items is whitespace (and, with {@code comma}, exactly one comma); -1 if not.
     */
    long lineAfterBoundary(boolean comma) {
        long breaks = lineBreaksAfter(boundary, comma);
        return breaks < 0 ? -1 : boundaryLine + breaks;
    }

    /**
     * The line breaks in the bytes fed after stream offset {@code from}, as Jackson counts them
     * ('\n', "\r\n" and a lone '\r' one each), if they are all whitespace (and, with
     * {@code comma}, exactly one comma); -1 if not, or if the parser is skipping to the end of a
     * line or the bytes are gone.
     */
    private long lineBreaksAfter(long from, boolean comma) {
        if (skippingLine || from < bytes.earliest()) {
            return -1;
        }
        boolean commaSeen = false;
        long breaks = 0;
        long end = bytes.end();
        for (long i = from; i < end; i++) {
            byte b = bytes.at(i);
            if (b == '\n') {
                breaks++;
            } else if (b == '\r') {
                if (i + 1 == end) {
                    return -1;
                }
                if (bytes.at(i + 1) != '\n') {
                    breaks++;
                }
            } else if (b == ',' && comma && !commaSeen) {
                commaSeen = true;
            } else if (b != ' ' && b != '\t') {
                return -1;
            }
        }
        return commaSeen == comma ? breaks : -1;
    }

    /** Whether the parser's position is at the start of a line. */
    boolean atLineStart() {
        return parser.currentLocation().getColumnNr() == 1;
    }

    /** The line of the parser's position. */
    long currentLine() {
        return lineOffset + parser.currentLocation().getLineNr();
    }

    /** The array the parser reads, its stream offset and length: for the {@link LineScanner}. */
    byte[] readingArray() {
        return bytes.reading();
    }

    long readingStart() {
        return bytes.readingStart();
    }

    int readingLength() {
        return bytes.readingLength();
    }

    /** Whether the input has ended. */
    boolean inputEnded() {
        return inputEnded;
    }

    /** The stream offset just past every byte fed so far. */
    long fedEnd() {
        return bytes.end();
    }

    /** The stream offset of the first '\n' fed at or after {@code from}, or -1. */
    long newlineFrom(long from) {
        return bytes.newlineFrom(from);
    }

    /** A byte fed, at a stream offset from the last point between items on. */
    byte fedAt(long offset) {
        return bytes.at(offset);
    }

    /**
     * Makes every byte fed from stream offset {@code offset} on the array the {@link LineScanner}
     * reads ({@link #readingArray()}), for a line whose end came after the array before it. The
     * parser is not given them: the caller must {@link #resumeAt} before it asks for a token.
     */
    void scanFrom(long offset) {
        newParser();
        bytes.restartAt(offset);
        bytes.handOver(bytes.pending());
        parserStart = offset;
        unfed = true;
    }

    private static final byte[] OPEN_ARRAY = {'[', '\n'};

    /**
     * A fresh parser at the start of a line that the {@link LineScanner} did not take. Inside the
     * top-level array (just after a comma) it is given "[\n" first, on the line before, so that
     * it stands where an item is expected; stream offsets and lines go on as before.
     */
    void resumeAt(long offset, long line, boolean inArray) {
        unfed = false;
        newParser();
        startAt(offset, line);
        if (inArray) {
            parserStart -= OPEN_ARRAY.length;
            lineOffset--;
            feeder.feedInput(OPEN_ARRAY, 0, OPEN_ARRAY.length);
            parser.nextToken();
        }
    }

    private void startAt(long offset, long line) {
        bytes.restartAt(offset);
        parserStart = offset;
        lineOffset = line - 1;
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
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                // Jackson has parsed it already, and a long becomes the nearest double, correctly
                // rounded; asking for its text would copy it (the non-blocking parser keeps an
                // integer's text as a String).
                long v = parser.getLongValue();
                if (v == 0 && negative()) {
                    // The non-blocking parser gives "-0" as the integer 0; the literal keeps its sign.
                    return -0.0;
                }
                return v;
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
        }
    }

    /**
     * Whether the current token, an integer zero, was written "-0". The parser stands just past
     * the '0' or just past the delimiter after it (a delimiter is never '0'), so the sign is one of
     * the three bytes before its position: one location object, no more.
     */
    private boolean negative() {
        long p = parserStart + parser.currentLocation().getByteOffset();
        long zero = p - 1 >= bytes.earliest() && bytes.at(p - 1) == '0' ? p - 1 : p - 2;
        return zero - 1 >= bytes.earliest() && zero < bytes.end() && bytes.at(zero) == '0' && bytes.at(zero - 1) == '-';
    }

    /**
     * Whether the current token is a '{' at the start of a line after {@code line}: in a sequence
     * of items, where a failed item's rest is being skipped, that is where the next item begins.
     */
    boolean opensLineAfter(long line) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return false;
        }
        TokenStreamLocation loc = parser.currentTokenLocation();
        return loc.getColumnNr() == 1 && lineOffset + loc.getLineNr() > line;
    }

    /** Starts a fresh parser at the current token, which {@link #opensLineAfter} a failed item. */
    void restartAtToken() {
        long offset = tokenOffset();
        long line = lineOffset + parser.currentTokenLocation().getLineNr();
        newParser();
        startAt(offset, line);
    }

    /**
     * The stream offset of the current token's first byte, for a token on one line. Worked out
     * from the columns: the non-blocking parser's token byte offset can be one past the start.
     */
    private long tokenOffset() {
        TokenStreamLocation here = parser.currentLocation();
        return parserStart + here.getByteOffset() - (here.getColumnNr() - parser.currentTokenLocation().getColumnNr());
    }

    private void newParser() {
        parser.close();
        parser = FACTORY.createNonBlockingByteArrayParser(ObjectReadContext.empty());
        feeder = (ByteArrayFeeder) parser.nonBlockingInputFeeder();
        parserEnded = false;
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
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
            // The non-blocking parser leaves the token location of a close marker at the token
            // before it; the marker is the one byte just read.
            TokenStreamLocation here = parser.currentLocation();
            into.set(lineOffset + here.getLineNr(), here.getColumnNr() - 1);
        } else {
            TokenStreamLocation loc = parser.currentTokenLocation();
            into.set(lineOffset + loc.getLineNr(), loc.getColumnNr());
        }
    }

    /** The line the current token starts on. */
    long line() {
        return lineOffset + parser.currentTokenLocation().getLineNr();
    }

    private StrompyError at(StrompyError e, TokenStreamLocation loc) {
        if (loc != null) {
            e.atPosition(lineOffset + loc.getLineNr(), loc.getColumnNr());
        }
        return e;
    }

    private StrompyError translate(JacksonException e) {
        TokenStreamLocation loc = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        if (e instanceof StreamConstraintsException) {
            // Where the overlong token starts: where its reading stopped depends on the chunks fed.
            loc = parser.currentTokenLocation();
        }
        return at(JacksonErrors.syntax(e), loc);
    }

    /** Releases the parser and every byte held; the cursor gives no more tokens. */
    @Override
    public void close() {
        closed = true;
        parser.close();
        bytes.release();
    }
}

package dev.strompy;

import dev.strompy.error.ErrorType;
import dev.strompy.eval.Evaluator;
import dev.strompy.eval.Fold;
import dev.strompy.eval.ItemResult;
import dev.strompy.read.Frame;
import dev.strompy.read.FrameReader;
import dev.strompy.read.Framer;
import java.util.ArrayList;
import java.util.List;

/**
 * The items of one source, or one stretch of it, on the calling thread: bytes → {@link Framer} →
 * {@link FrameReader} → {@link Fold} → one result per item, in order, not yet numbered (a large
 * item read piece by piece). A syntax error in a source that is one array ends the source.
 */
final class Items {
    private final String source;
    private final Framer framer;
    private final FrameReader reader;
    private final Fold fold;
    /** A large frame is being read. */
    private boolean streaming;
    /** A syntax error ended the array: nothing after it is read. */
    private boolean stopped;
    /** The bytes fed end before a line that starts an item, which this stretch does not have. */
    private boolean partEnds;
    private boolean partEnded;

    /** @param reader, fold this thread's, reused from one stretch to the next */
    Items(String source, Limits limits, FrameReader reader, Fold fold) {
        this.source = source;
        this.reader = reader;
        this.fold = fold;
        this.framer = new Framer(limits.maxFrameBytes(), limits.maxNestingDepth(), reader.scanner());
        fold.reset();
    }

    /** {@return a reader with these limits} */
    static FrameReader reader(Limits limits) {
        return new FrameReader(limits.maxElements(), limits.maxStringLength(), limits.maxNumberLength(),
                limits.maxNestingDepth(), limits.maxFrameBytes());
    }

    /** {@return a fold with these limits} */
    static Fold fold(String source, Limits limits) {
        return new Fold(new Evaluator(limits.maxElements()), source);
    }

    /** The stretch starts at line {@code line} of the source, a line that starts an item. */
    Items startAt(long line, boolean inArray) {
        framer.startAt(line, inArray);
        return this;
    }

    void feed(byte[] bytes, int offset, int length) {
        framer.feed(bytes, offset, length);
    }

    /** Feeds {@code bytes[0, length)}, which the caller hands over and never touches again. */
    void feedOwned(byte[] bytes, int length) {
        framer.feedOwned(bytes, length);
    }

    void endOfInput() {
        framer.endOfInput();
    }

    /** No more bytes come: they end before a line that starts an item, which the next stretch has. */
    void endOfPart() {
        partEnds = true;
    }

    /**
     * {@return every result of the bytes fed, which end the stretch}: at the end of input
     * ({@code last}), or before a line that starts an item, which the next stretch has
     */
    List<ItemResult> finish(boolean last) {
        if (last) {
            endOfInput();
        } else {
            endOfPart();
        }
        List<ItemResult> results = new ArrayList<>();
        for (ItemResult r = next(); r != null; r = next()) {
            results.add(r);
        }
        return results;
    }

    /** {@return after {@link #finish}: whether the source goes on with the next stretch} */
    boolean goesOn() {
        return !stopped && framer.continues();
    }

    /** {@return the line the next byte fed is on} */
    long line() {
        return framer.line();
    }

    /** {@return whether the source is one array of items, as far as it has been read} */
    boolean inArray() {
        return framer.inArray();
    }

    /** {@return how many bytes fed have not been looked at yet} */
    int buffered() {
        return framer.buffered();
    }

    /** {@return whether every item has been handed on and no more will come} */
    boolean isFinished() {
        return !streaming && framer.isFinished();
    }

    /** {@return the next item's result or failure, or null when more bytes are needed or none is left} */
    ItemResult next() {
        ItemResult r = read();
        if (r == null && partEnds && !partEnded) {
            // Every byte fed is framed: the item still open, if one is, was cut short.
            partEnded = true;
            framer.endOfBlock();
            r = read();
        }
        if (r != null && r.failed() && r.error().type() == ErrorType.SYNTAX && framer.inArray()) {
            // A syntax error ends an array source: no next item can be found in malformed JSON.
            stopped = true;
            streaming = false;
            framer.endSource();
        }
        return r;
    }

    private ItemResult read() {
        while (true) {
            if (streaming) {
                ItemResult r = fold.next(reader);
                if (r != null) {
                    streaming = false;
                    framer.skipRest();
                    return r;
                }
                Framer.Piece piece = framer.piece();
                if (piece == null) {
                    return null;
                }
                reader.feed(piece);
                continue;
            }
            Frame f = framer.next();
            if (f == null) {
                return null;
            }
            if (f.outsideItems()) {
                return ItemResult.outsideItems(source, f.error());
            }
            if (f.large()) {
                reader.stream(f);
                streaming = true;
                continue;
            }
            if (f.parts() != null) {
                return fold.of(f.parts());
            }
            reader.read(f);
            return fold.next(reader);
        }
    }

    /** Forgets every byte held; nothing more comes. */
    void close() {
        framer.endSource();
        streaming = false;
    }
}

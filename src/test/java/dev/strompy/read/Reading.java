package dev.strompy.read;

import dev.strompy.eval.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * The read side as the decoder drives it, for tests: bytes fed in chunks to a {@link Framer},
 * each frame read by a {@link FrameReader} (a large one piece by piece), every part collected.
 * A syntax error ends an array source, as in the decoder.
 */
final class Reading {
    static final int MAX_FRAME = 4 << 20;

    private final Framer framer;
    private final FrameReader reader;
    private final List<Part> parts = new ArrayList<>();
    private boolean streaming;
    /** Items the line scanner read, as they were cut or as a whole frame. */
    long scannedItems;
    /** Frames that were large. */
    long largeFrames;

    /**
     * @param maxElements the element limit
     * @param maxFrame the frame limit: longer items are read as they stream in
     * @param fast whether the line scanner reads what it can
     */
    Reading(long maxElements, int maxFrame, boolean fast) {
        reader = new FrameReader(maxElements, 1 << 16, 1000, 500, fast ? maxFrame : 0);
        framer = new Framer(maxFrame, 500, fast ? reader.scanner() : null);
    }

    Reading(long maxElements) {
        this(maxElements, MAX_FRAME, true);
    }

    void feed(byte[] bytes, int offset, int length) {
        framer.feed(bytes, offset, length);
    }

    void endOfInput() {
        framer.endOfInput();
    }

    /** Reads as far as the bytes fed allow; @return the parts read since the last call */
    List<Part> drain() {
        parts.clear();
        while (true) {
            if (streaming) {
                Part p = reader.next();
                if (p != null) {
                    take(p);
                    continue;
                }
                if (reader.isDone()) {
                    streaming = false;
                    framer.skipRest();
                    continue;
                }
                Framer.Piece piece = framer.piece();
                if (piece == null) {
                    return parts;
                }
                reader.feed(piece);
                continue;
            }
            Frame f = framer.next();
            if (f == null) {
                return parts;
            }
            if (f.outsideItems()) {
                parts.add(new Part.Failure(f.error()));
                if (framer.isFinished()) {
                    return parts;
                }
            } else if (f.large()) {
                largeFrames++;
                reader.stream(f);
                streaming = true;
            } else {
                if (f.parts() != null || (f.scan() && scans(f))) {
                    scannedItems++;
                }
                reader.read(f);
                for (Part p = reader.next(); p != null; p = reader.next()) {
                    take(p);
                }
            }
        }
    }

    /** Takes a part of an item; its end or failure numbers it, as the decoder does. */
    private void take(Part p) {
        if (p instanceof Part.Failure f) {
            parts.add(new Part.Failure(f.error().atItem(items++)));
            if (f.error().type() == dev.strompy.error.ErrorType.SYNTAX && framer.inArray()) {
                framer.endSource();
                streaming = false;
            }
        } else {
            parts.add(p);
            items += p instanceof Part.End ? 1 : 0;
        }
    }

    /** Items handed on so far. */
    private long items;

    private boolean scans(Frame f) {
        int end = f.offset() + f.length();
        return reader.scanner().scan(f.bytes(), f.offset(), end, f.line(), f.column(), new ArrayList<>()) == end;
    }

    boolean isFinished() {
        return framer.isFinished() && !streaming;
    }

    /** Every part of {@code bytes} fed in chunks of {@code chunk} bytes. */
    static List<Part> parts(byte[] bytes, int chunk, Reading reading) {
        List<Part> all = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunk) {
            reading.feed(bytes, i, Math.min(chunk, bytes.length - i));
            all.addAll(reading.drain());
        }
        reading.endOfInput();
        all.addAll(reading.drain());
        return all;
    }
}

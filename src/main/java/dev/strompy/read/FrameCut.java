package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.eval.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame the {@link Framer} is cutting, from an item's first byte to where {@link ItemCut}
 * says it ends: an item in the usual shape goes to the {@link LineScanner} once its line has
 * ended; one over the frame limit is large, its bytes handed on in pieces.
 */
final class FrameCut {
    /** How the source goes on after the frame: with the next item, at the next line, or not at all. */
    enum After { ITEM, NEXT_LINE, END }

    private final Window in;
    private final int maxFrame;
    private final ItemCut cut;
    private final LineScanner scanner;
    private final List<Part> scanned = new ArrayList<>();
    /** A large frame's bytes go in pieces of this size, cut at fixed offsets from its first byte. */
    private final int pieceSize;
    /** A large frame is open, and its rest is to be skipped. */
    boolean large;
    boolean skipping;
    /** The stream offset of the next piece; where the last handed out starts in the window (kept until the next). */
    private long pieceAt;
    private int handed;
    /** The stream offset where a large frame's bytes end, once found, and the error there. */
    private long largeEnd;
    private StrompyError largeError;
    /** A frame is being cut. */
    boolean open;
    /** The frame needs more bytes. */
    boolean hungry;
    /** Once the frame has ended: how the source goes on. */
    After after;
    private boolean array;
    private int start;
    private long line;
    private long column;
    private boolean scan;
    /** An item in the usual shape whose line has not ended: the line scanner reads it once it has. */
    private boolean deferred;

    FrameCut(Window in, int maxFrame, int maxDepth, LineScanner scanner) {
        this.in = in;
        this.maxFrame = maxFrame;
        this.cut = new ItemCut(maxDepth);
        this.scanner = scanner;
        this.pieceSize = Math.min(Framer.PIECE, maxFrame);
    }

    /** An item starts at {@code in.buf[p]}, in an array of items or a sequence. */
    void begin(int p, boolean inArray) {
        byte b = in.buf[p];
        open = true;
        array = inArray;
        start = p;
        line = in.lines.line;
        column = in.column(p);
        in.pos = p;
        cut.start(b == '{' || b == '[' || (array && b == '"') ? ItemCut.Kind.GROUP
                : array ? ItemCut.Kind.TOKEN : ItemCut.Kind.LINE, array, line);
        scan = b == '{';
        deferred = scan && scanner != null;
    }

    /**
     * {@return the frame once it is whole or read by the line scanner, a large frame when it
     * becomes one, or null when it needs more bytes ({@link #hungry}) or, large, has ended}
     */
    Frame step() {
        hungry = false;
        if (deferred) {
            return deferred();
        }
        return scan(large ? in.end : (int) Math.min(in.end, (long) start + maxFrame));
    }

    /** The bytes fed end where a line starts that starts an item: the frame is cut short there. */
    Frame cutShort() {
        if (deferred) {
            deferred = false;
            in.pos = start;
            scan(in.end);
        }
        return finish(cut.cutHere(in.end, in));
    }

    /** {@return the next piece of the large frame, or null when more bytes must be fed first} */
    Framer.Piece piece() {
        while (!pieceReady()) {
            scan(in.end);
            if (hungry && !pieceReady()) {
                return null;
            }
        }
        handed = (int) (pieceAt - in.base);
        if (largeEnd >= 0 && largeEnd <= pieceAt + pieceSize) {
            large = false;
            return new Framer.Piece(in.buf, handed, (int) (largeEnd - pieceAt), true, largeError);
        }
        pieceAt += pieceSize;
        return new Framer.Piece(in.buf, handed, pieceSize, false, null);
    }

    /** {@return whether the bytes looked at hold the next piece, or the large frame's end} */
    private boolean pieceReady() {
        return largeEnd >= 0 || in.base + in.pos >= pieceAt + pieceSize;
    }

    /** Skips the rest of the large frame; @return whether its end has come */
    boolean skip() {
        while (largeEnd < 0) {
            hungry = false;
            scan(in.end);
            handed = in.pos;
            if (hungry) {
                return false;
            }
        }
        large = false;
        return true;
    }

    /** {@return the first byte the frame still needs} */
    int keep() {
        return large ? handed : start;
    }

    /** Indexes into the window moved down by {@code dropped} bytes. */
    void moved(int dropped) {
        start -= dropped;
        handed -= dropped;
    }

    /**
     * An item the line scanner reads once its line has ended; before that, it is cut byte by byte
     * when it may be complete without a line break (a closing brace has come: its producer may be
     * waiting), at the end of input, or past the frame limit (where it is cut is the same).
     */
    private Frame deferred() {
        if (start < in.wholeLines) {
            scanned.clear();
            int r = scanner.scan(in.buf, start, in.wholeLines, line, column, scanned);
            deferred = false;
            in.pos = start;
            if (r >= 0) {
                if (scanner.severalLines()) {
                    // The framer counts the lines of the item the scanner read over several.
                    for (int p = start; p < r; p++) {
                        byte b = in.buf[p];
                        if (b == '\n' || b == '\r') {
                            in.lines.lineBreak(in.base + p, b);
                        }
                    }
                }
                in.pos = r;
                open = false;
                after = After.ITEM;
                return Frame.read(scanned, line, column);
            }
            scan = false;
            return null;
        }
        int i = Math.max(in.pos, start);
        while (i < in.end && in.buf[i] != '}') {
            i++;
        }
        if (i < in.end || in.ended || in.end - start > maxFrame) {
            deferred = false;
            in.pos = start;
            return null;
        }
        // Looked at up to here; the frame is cut from its start all the same.
        in.pos = in.end;
        hungry = true;
        return null;
    }

    /** Cuts the frame, looking at bytes up to {@code limit}. */
    private Frame scan(int limit) {
        int p = cut.scan(in, limit);
        if (p >= 0) {
            return finish(p);
        }
        if (in.pos < in.end && !large && !cut.looking) {
            // More than maxFrame bytes: a large frame, handed on in pieces.
            large = true;
            skipping = false;
            pieceAt = in.base + start;
            handed = start;
            largeEnd = -1;
            return Frame.large(line, column);
        }
        if (!in.ended) {
            hungry = true;
            return null;
        }
        if (cut.kind == ItemCut.Kind.GROUP) {
            cut.error = new StrompyError(ErrorType.SYNTAX, "unexpected end of input").atPosition(in.lines.line,
                    in.column(in.end));
        }
        return finish(in.end);
    }

    /** The frame's bytes end at {@code end}, with {@link ItemCut#error}: a whole frame is handed out, a large one ends. */
    private Frame finish(int end) {
        in.pos = end;
        open = false;
        StrompyError error = cut.error;
        if (error == null) {
            after = After.ITEM;
        } else if (array || end >= in.end && in.ended) {
            after = After.END;
        } else {
            after = cut.cutShort ? After.ITEM : After.NEXT_LINE;
        }
        if (large) {
            largeEnd = in.base + end;
            largeError = error;
            return null;
        }
        return Frame.whole(in.buf, start, end - start, line, column, error, scan);
    }
}

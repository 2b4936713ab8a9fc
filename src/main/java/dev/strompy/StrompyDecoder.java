package dev.strompy;

import dev.strompy.eval.Evaluator;
import dev.strompy.eval.Fold;
import dev.strompy.eval.ItemResult;
import dev.strompy.eval.Limits;
import dev.strompy.read.ItemDecoder;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A non-blocking decoder of one stream of work items: the caller feeds bytes as they arrive, in
 * chunks of any size, and takes one {@link Outcome} per item as soon as the item is complete.
 *
 * <pre>{@code
 * try (StrompyDecoder decoder = new StrompyDecoder("upload-17")) {
 *     decoder.feed(chunk, 0, n);            // whenever bytes arrive
 *     for (Outcome o; (o = decoder.next()) != null;) {
 *         send(o);                          // each finished item, at once
 *     }
 *     ...
 *     decoder.endOfInput();                 // then take the last outcomes the same way
 * }
 * }</pre>
 *
 * <p>The input is what {@code strompy} reads: one JSON array of items or a sequence of items
 * (e.g. NDJSON), each {@code {"lhs": MATRIX, "op": [...]}}, as UTF-8. An item over several
 * lines, or on a line longer than 4 MB, is read op by op, each op applied as soon as it has been
 * read, so memory is bounded by the largest matrix, not by the length of the input or of a
 * chain (ops that come before {@code lhs} are held until it arrives). An item on a line of its
 * own is read whole once its line is complete, or at once if the bytes fed so far end with its
 * closing brace.
 *
 * <p>A failed item gives a failed outcome in its place and decoding goes on with the next item.
 * A syntax error ends an array source: its failed outcome is the last. In a sequence of items
 * decoding starts again at the next line, so one bad line costs one item.
 *
 * <p>It never blocks and never starts a thread: {@link #next()} decodes and evaluates on the
 * caller's thread, as far as the bytes fed so far allow. It is not thread-safe: one decoder
 * serves one stream, used by one thread at a time.
 */
public final class StrompyDecoder implements AutoCloseable {
    private final ItemDecoder items;
    private final Fold fold;
    private boolean ended;
    private boolean closed;

    /** A decoder whose source is named {@code -} in errors, with the default limits. */
    public StrompyDecoder() {
        this("-");
    }

    /** @param source the name used in errors and outcomes */
    public StrompyDecoder(String source) {
        this(source, Limits.DEFAULT.maxElements());
    }

    /**
     * @param source the name used in errors and outcomes
     * @param maxElements the largest number of entries one matrix may have, read or computed
     */
    public StrompyDecoder(String source, long maxElements) {
        this(source, maxElements, 0);
    }

    /**
     * @param source the name used in errors and outcomes
     * @param maxElements the largest number of entries one matrix may have, read or computed
     * @param firstItem the number of the first item: a part of a larger input (a partition)
     *     numbers its items, in outcomes and errors, as the whole input would
     */
    public StrompyDecoder(String source, long maxElements, long firstItem) {
        Objects.requireNonNull(source, "source");
        if (firstItem < 0) {
            throw new IllegalArgumentException("firstItem must be at least 0");
        }
        Limits limits = new Limits(maxElements);
        this.items = new ItemDecoder(source, limits, firstItem);
        this.fold = new Fold(new Evaluator(limits), source);
    }

    /**
     * Feeds bytes: copies what it keeps, so the array may be reused as soon as this returns.
     *
     * @param bytes holds the next bytes of the input
     * @param offset where they start in {@code bytes}
     * @param length how many there are
     * @throws IllegalStateException after {@link #endOfInput()} or {@link #close()}
     */
    public void feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        checkOpen();
        items.feed(bytes, offset, length);
    }

    /**
     * Feeds all remaining bytes of {@code bytes}, leaving its position at its limit.
     *
     * @param bytes the next bytes of the input, from its position to its limit
     * @throws IllegalStateException after {@link #endOfInput()} or {@link #close()}
     */
    public void feed(ByteBuffer bytes) {
        checkOpen();
        items.feed(bytes);
    }

    /** Says that no more bytes will come: a truncated last item is then a syntax error. */
    public void endOfInput() {
        if (closed) {
            throw new IllegalStateException("decoder is closed");
        }
        ended = true;
        items.endOfInput();
    }

    /**
     * Decodes and evaluates as far as the bytes fed allow.
     *
     * @return the next outcome, or null when more input is needed or the stream is finished
     *     (tell them apart with {@link #needsInput()} and {@link #isFinished()})
     */
    public Outcome next() {
        if (closed) {
            return null;
        }
        ItemResult r = fold.next(items);
        return r == null ? null : Outcome.of(r);
    }

    /** {@return whether every byte fed so far has been decoded and the next outcome needs more} */
    public boolean needsInput() {
        return !closed && !ended && items.needsInput();
    }

    /** {@return whether the input has ended and every outcome has been taken (or the decoder is closed)} */
    public boolean isFinished() {
        return closed || items.isFinished();
    }

    /**
     * {@return how many bytes fed have not been looked at yet}: 0 while the decoder waits for the
     * rest of a line it holds (at most 4 MB), which only more input can complete
     */
    public int buffered() {
        return items.buffered();
    }

    /** Releases the parser and every byte held. Idempotent. */
    @Override
    public void close() {
        closed = true;
        items.close();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("decoder is closed");
        }
        if (ended) {
            throw new IllegalStateException("feed after endOfInput");
        }
    }
}

package dev.strompy;

import dev.strompy.eval.ItemResult;
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
 * (e.g. NDJSON), each {@code {"lhs": MATRIX, "op": [...]}}, as UTF-8. The outcomes depend only
 * on the bytes, never on how they were cut into chunks. Each item is cut from the stream whole
 * and then read; one longer than {@link Limits#maxFrameBytes()} is read as it comes, each op
 * applied as soon as it has been read, so memory is bounded by the largest matrix. A failed item
 * gives a failed outcome in its place and decoding goes on: a syntax error ends an array source,
 * and in a sequence costs its line.
 *
 * <p>With one job (the default) it never blocks and never starts a thread: {@link #next()}
 * decodes and evaluates on the caller's thread, as far as the bytes fed so far allow. With more
 * ({@link Builder#jobs}), items are evaluated on threads of the decoder's own, outcomes still
 * handed on in input order and exactly as one job gives them: {@link #next()} gives those that
 * are done without waiting, {@link #take()} waits for the next. A caller about to wait for more
 * input should {@link #take()} until it gives null, so that no finished item waits with it. Not
 * thread-safe: one decoder serves one stream, used by one thread at a time.
 */
public final class StrompyDecoder implements AutoCloseable {
    private final String source;
    /** One job: the items read on the caller's thread. */
    private final Items items;
    /** More: the items read on the decoder's threads. */
    private final Blocks blocks;
    /** Makes each result's bytes, or null. */
    private final Renderer renderer;
    /** The number the next item gets. */
    private long nextItem;
    private boolean ended;
    private boolean closed;

    /** A decoder whose source is named {@code -} in errors, with the default limits. */
    public StrompyDecoder() {
        this(builder());
    }

    /** @param source the name used in errors and outcomes */
    public StrompyDecoder(String source) {
        this(builder().source(source));
    }

    private StrompyDecoder(Builder b) {
        this.source = b.source;
        this.nextItem = b.firstItem;
        this.renderer = b.renderer;
        if (b.jobs > 1) {
            this.items = null;
            this.blocks = new Blocks(b.source, b.limits, b.jobs, b.batchBytes, b.parallelFrom, b.firstLine, b.renderer);
        } else {
            this.items = new Items(b.source, b.limits, Items.reader(b.limits), Items.fold(b.source, b.limits));
            this.blocks = null;
            if (b.firstLine > 1) {
                items.startAt(b.firstLine, false);
            }
        }
    }

    /** {@return a builder of decoders, with the defaults: source {@code -}, default limits, one job} */
    public static Builder builder() {
        return new Builder();
    }

    /** The settings of a decoder. */
    public static final class Builder {
        private String source = "-";
        private Limits limits = Limits.DEFAULT;
        private long firstItem;
        private long firstLine = 1;
        private int jobs = 1;
        private long parallelFrom;
        private int batchBytes = 256 << 10;
        private Renderer renderer;

        private Builder() {
        }

        /**
         * @param name the name used in errors and outcomes (default {@code -})
         * @return this builder
         */
        public Builder source(String name) {
            this.source = Objects.requireNonNull(name, "source");
            return this;
        }

        /**
         * @param bounds what one item may hold (default {@link Limits#DEFAULT})
         * @return this builder
         */
        public Builder limits(Limits bounds) {
            this.limits = Objects.requireNonNull(bounds, "limits");
            return this;
        }

        /**
         * @param n the number of the first item (default 0): a partition numbers its items as the whole input would
         * @return this builder
         */
        public Builder firstItem(long n) {
            this.firstItem = Limits.atLeast("firstItem", n, 0);
            return this;
        }

        /**
         * A part of a source: the bytes fed start at line {@code n} of a sequence of items (NDJSON,
         * not one array), a line that starts an item ({@link Strompy#partStart}). Its outcomes,
         * with {@link #firstItem} and {@link StrompyDecoder#endOfPart()}, are those the whole
         * source gives for these bytes: item numbers, lines and errors alike.
         *
         * @param n the line the first byte fed is on (default 1: the source's start)
         * @return this builder
         */
        public Builder firstLine(long n) {
            this.firstLine = Limits.atLeast("firstLine", n, 1);
            return this;
        }

        /**
         * @param n how many threads evaluate items (default 1: the caller's alone, no thread is
         *     started); with more, the outcomes are the same, in the same order
         * @return this builder
         */
        public Builder jobs(int n) {
            this.jobs = (int) Limits.atLeast("jobs", n, 1);
            return this;
        }

        /**
         * @param bytes with more than one job, the items that start in the first {@code bytes} bytes
         *     are evaluated on the caller's thread (default 0): threads cost more than they gain on a small input
         * @return this builder
         */
        public Builder parallelFrom(long bytes) {
            this.parallelFrom = Limits.atLeast("parallelFrom", bytes, 0);
            return this;
        }

        /**
         * @param bytes about how many bytes of items a thread takes at a time (default 256 KB)
         * @return this builder
         */
        public Builder batchBytes(int bytes) {
            this.batchBytes = (int) Limits.atLeast("batchBytes", bytes, 1);
            return this;
        }

        /**
         * @param r turns each result into bytes ({@link Outcome#rendered()}) on the thread that
         *     evaluated it: with more than one job, mostly the decoder's own threads (default:
         *     none, and {@code rendered()} is null)
         * @return this builder
         */
        public Builder render(Renderer r) {
            this.renderer = Objects.requireNonNull(r, "renderer");
            return this;
        }

        /** {@return a new decoder with these settings} */
        public StrompyDecoder build() {
            return new StrompyDecoder(this);
        }
    }

    /**
     * Feeds the next bytes of the input; it copies what it keeps, so the array may be reused.
     *
     * @param bytes holds them, {@code length} of them from {@code offset}
     * @param offset where they start
     * @param length how many there are
     * @throws IllegalStateException after {@link #endOfInput()} or {@link #close()}
     */
    public void feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        checkOpen();
        if (blocks != null) {
            blocks.feed(bytes, offset, length);
        } else {
            items.feed(bytes, offset, length);
        }
    }

    /**
     * Feeds the next bytes of the input.
     *
     * @param bytes holds them from its position to its limit, where it leaves its position
     * @throws IllegalStateException after {@link #endOfInput()} or {@link #close()}
     */
    public void feed(ByteBuffer bytes) {
        int n = bytes.remaining();
        if (bytes.hasArray()) {
            feed(bytes.array(), bytes.arrayOffset() + bytes.position(), n);
            bytes.position(bytes.limit());
        } else {
            byte[] copy = new byte[n];
            bytes.get(copy);
            feed(copy, 0, n);
        }
    }

    /** Says that no more bytes will come: a truncated last item is then a syntax error. */
    public void endOfInput() {
        end(false);
    }

    /**
     * Says that no more bytes will come, and that the source goes on after them with a line that
     * starts an item, the next part's ({@link Builder#firstLine}): an item still open is cut short
     * there, as it is when the whole source is read.
     */
    public void endOfPart() {
        end(true);
    }

    private void end(boolean partEnds) {
        if (closed) {
            throw new IllegalStateException("decoder is closed");
        }
        if (!ended) {
            ended = true;
            if (blocks != null) {
                blocks.endOfInput(partEnds);
            } else if (partEnds) {
                items.endOfPart();
            } else {
                items.endOfInput();
            }
        }
    }

    /**
     * {@return the next outcome, or null when more input is needed, the threads are still at work
     * or the stream is finished ({@link #needsInput()}, {@link #isFinished()})}: with one job,
     * decodes and evaluates as far as the bytes fed allow; with more, hands on what the threads
     * have finished. Never waits.
     */
    public Outcome next() {
        return closed ? null : numbered(blocks != null ? blocks.next(false) : items.next());
    }

    /**
     * {@return the next outcome, waiting for the decoder's threads while they work on it; null only
     * when more input is needed or the stream is finished} With one job, {@link #next()}.
     */
    public Outcome take() {
        return closed ? null : numbered(blocks != null ? blocks.next(true) : items.next());
    }

    private Outcome numbered(ItemResult r) {
        if (r == null) {
            return null;
        }
        if (renderer != null && r.result() != null && r.rendered() == null) {
            // Read on this thread (one job, or a stretch the threads could not take): rendered here.
            r = Blocks.rendered(r, renderer);
        }
        return Outcome.of(r.item() == ItemResult.UNNUMBERED ? r.numbered(nextItem++) : r);
    }

    /**
     * {@return whether more bytes are wanted now}: everything fed has been cut into items and
     * (with more than one job) the threads have room for more
     */
    public boolean needsInput() {
        if (closed || ended) {
            return false;
        }
        return blocks != null ? blocks.wantsInput() : !items.isFinished();
    }

    /** {@return whether the input has ended and every outcome has been taken (or the decoder is closed)} */
    public boolean isFinished() {
        return closed || (blocks != null ? blocks.isFinished() : items.isFinished());
    }

    /** {@return the name used in errors and outcomes} */
    public String source() {
        return source;
    }

    /**
     * {@return how many bytes fed have not been looked at yet}: 0 while the decoder holds the
     * start of an item (at most {@link Limits#maxFrameBytes()}) that only more input can complete
     */
    public int buffered() {
        return blocks != null ? blocks.buffered() : items.buffered();
    }

    /** Releases every byte held and stops the decoder's threads. Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (blocks != null) {
            blocks.close();
        } else {
            items.close();
        }
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

package dev.strompy;

import dev.strompy.error.ErrorType;
import dev.strompy.eval.Evaluator;
import dev.strompy.eval.Fold;
import dev.strompy.eval.ItemResult;
import dev.strompy.read.Frame;
import dev.strompy.read.FrameReader;
import dev.strompy.read.Framer;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
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
 * and then read; an item longer than {@link Limits#maxFrameBytes()} is read as it comes instead,
 * each op applied as soon as it has been read, so memory is bounded by the largest matrix, not by
 * the length of the input or of a chain (ops that come before {@code lhs} are held until it
 * arrives).
 *
 * <p>A failed item gives a failed outcome in its place and decoding goes on with the next item.
 * A syntax error ends an array source: its failed outcome is the last. In a sequence of items
 * decoding starts again at the next line, so one bad line costs one item.
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
    private final Limits limits;
    private final Framer framer;
    private final FrameReader reader;
    private final Fold fold;
    private final int jobs;
    private final long parallelFrom;
    private final int batchBytes;
    private long fed;
    private Pool pool;
    /** Outcomes from the pool, in order, not yet taken. */
    private final ArrayDeque<ItemResult> ready = new ArrayDeque<>();
    /** A frame that must wait until the pool has nothing in flight: large, or a failure outside items. */
    private Frame waiting;
    /** A large frame is being read, on this thread. */
    private boolean streaming;
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
        this.limits = b.limits;
        this.jobs = b.jobs;
        this.parallelFrom = b.parallelFrom;
        this.batchBytes = b.batchBytes;
        this.reader = reader(limits);
        this.fold = new Fold(new Evaluator(limits.maxElements()), source);
        this.framer = new Framer(limits.maxFrameBytes(), limits.maxNestingDepth(), reader.scanner(), false, b.firstItem);
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
        private int jobs = 1;
        private long parallelFrom;
        private int batchBytes = 256 << 10;

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
         * @param n the number of the first item (default 0): a part of a larger input (a
         *     partition) numbers its items, in outcomes and errors, as the whole input would
         * @return this builder
         */
        public Builder firstItem(long n) {
            if (n < 0) {
                throw new IllegalArgumentException("firstItem must be at least 0, got " + n);
            }
            this.firstItem = n;
            return this;
        }

        /**
         * @param n how many threads evaluate items (default 1: the caller's thread alone, and no
         *     thread is started); with more, the outcomes are the same, in the same order
         * @return this builder
         */
        public Builder jobs(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("jobs must be at least 1, got " + n);
            }
            this.jobs = n;
            return this;
        }

        /**
         * @param bytes with more than one job: the items that start in the first {@code bytes}
         *     bytes are evaluated on the caller's thread, the rest on the decoder's threads
         *     (default 0). Starting threads costs more than it gains on a small input.
         * @return this builder
         */
        public Builder parallelFrom(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("parallelFrom must be at least 0, got " + bytes);
            }
            this.parallelFrom = bytes;
            return this;
        }

        /**
         * @param bytes with more than one job: about how many bytes of items a thread takes at a
         *     time (default 256 KB): enough to be worth handing over, few enough that the items
         *     in flight stay young
         * @return this builder
         */
        public Builder batchBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("batchBytes must be at least 1, got " + bytes);
            }
            this.batchBytes = bytes;
            return this;
        }

        /** {@return a new decoder with these settings} */
        public StrompyDecoder build() {
            return new StrompyDecoder(this);
        }
    }

    static FrameReader reader(Limits limits) {
        return new FrameReader(limits.maxElements(), limits.maxStringLength(), limits.maxNumberLength(),
                limits.maxNestingDepth(), limits.maxFrameBytes());
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
        framer.feed(bytes, offset, length);
        fed += length;
    }

    /**
     * Feeds all remaining bytes of {@code bytes}, leaving its position at its limit.
     *
     * @param bytes the next bytes of the input, from its position to its limit
     * @throws IllegalStateException after {@link #endOfInput()} or {@link #close()}
     */
    public void feed(ByteBuffer bytes) {
        checkOpen();
        fed += bytes.remaining();
        framer.feed(bytes);
    }

    /** Says that no more bytes will come: a truncated last item is then a syntax error. */
    public void endOfInput() {
        if (closed) {
            throw new IllegalStateException("decoder is closed");
        }
        if (!ended) {
            ended = true;
            framer.endOfInput();
        }
    }

    /**
     * The next outcome, if it is ready: with one job, decodes and evaluates as far as the bytes
     * fed allow; with more, hands on what the threads have finished. Never waits.
     *
     * @return the next outcome, or null when more input is needed, the threads are still at
     *     work, or the stream is finished (tell them apart with {@link #needsInput()} and
     *     {@link #isFinished()})
     */
    public Outcome next() {
        return step(false);
    }

    /**
     * The next outcome, waiting for the decoder's threads while they work on it: with one job,
     * the same as {@link #next()}.
     *
     * @return the next outcome, or null only when more input is needed or the stream is finished
     */
    public Outcome take() {
        return step(true);
    }

    /**
     * {@return whether more bytes are wanted now}: everything fed has been cut into items and
     * (with more than one job) the threads have room for more
     */
    public boolean needsInput() {
        return !closed && !ended && !framer.isFinished() && ready.isEmpty() && waiting == null
                && (pool == null || !pool.full());
    }

    /** {@return whether the input has ended and every outcome has been taken (or the decoder is closed)} */
    public boolean isFinished() {
        return closed || (framer.isFinished() && !streaming && waiting == null && ready.isEmpty()
                && (pool == null || pool.idle()));
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
        return framer.buffered();
    }

    /** Releases every byte held and stops the decoder's threads. Idempotent. */
    @Override
    public void close() {
        closed = true;
        framer.endSource();
        ready.clear();
        waiting = null;
        if (pool != null) {
            pool.close();
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

    private Outcome step(boolean wait) {
        if (closed) {
            return null;
        }
        if (pool == null && jobs > 1 && fed >= parallelFrom && !streaming && waiting == null) {
            // From here on, frames are evaluated on the threads.
            pool = new Pool(jobs, batchBytes, source, limits);
            framer.handOff();
        }
        ItemResult r = ready.poll();
        if (r == null) {
            r = pool != null ? fromPool(wait) : here();
        }
        if (r == null) {
            return null;
        }
        if (r.failed() && r.error().type() == ErrorType.SYNTAX && framer.inArray()) {
            // A syntax error ends an array source: nothing after it is read.
            framer.endSource();
            ready.clear();
            waiting = null;
            if (pool != null) {
                pool.drop();
            }
        }
        return Outcome.of(r);
    }

    /** One job: the next outcome, read and evaluated on this thread. */
    private ItemResult here() {
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
            Frame f = waiting != null ? waiting : framer.next();
            waiting = null;
            if (f == null) {
                return null;
            }
            if (f.outsideItems()) {
                return ItemResult.failure(source, f.error());
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

    /** More than one job: the next outcome in order from the threads, or from this thread when it must. */
    private ItemResult fromPool(boolean wait) {
        while (true) {
            List<ItemResult> done = pool.poll();
            if (done != null) {
                ready.addAll(done);
                return ready.poll();
            }
            if (waiting == null && !streaming) {
                cut();
            }
            if ((waiting != null || streaming) && pool.idle()) {
                // A large frame, or a failure outside items, in its turn: on this thread.
                ItemResult r = here();
                if (r != null || streaming || waiting != null) {
                    return r;
                }
                continue;
            }
            if (!wait) {
                return null;
            }
            pool.flush();
            done = pool.take();
            if (done == null) {
                return null;
            }
            ready.addAll(done);
            if (!ready.isEmpty()) {
                return ready.poll();
            }
        }
    }

    /** Cuts frames and hands them to the threads while they have room. */
    private void cut() {
        while (!pool.full()) {
            Frame f = framer.next();
            if (f == null) {
                // The bytes fed are all cut: threads with nothing to do take what is gathered.
                if (ended || framer.isFinished() || !pool.busy()) {
                    pool.flush();
                }
                return;
            }
            if (f.large() || f.outsideItems()) {
                waiting = f;
                pool.flush();
                return;
            }
            pool.add(f);
        }
    }
}

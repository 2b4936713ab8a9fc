package dev.strompy;

import dev.strompy.error.StrompyError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The article's channel: a {@link Writer} fed byte chunks and a {@link Reader} polled for
 * results, each answering with a future, so that neither side ever blocks, on one thread or two.
 * A chunk is accepted (its future completes) while fewer than the capacity's bytes wait to be
 * decoded, else once the reader has taken enough results to make room: a writer that waits for
 * each future holds at most about the capacity plus one chunk. No thread of its own: items are
 * decoded by whichever thread feeds or polls, under the channel's lock; futures complete outside it.
 */
public final class Channel {
    /** Bytes that may wait to be decoded before a feed has to wait. */
    static final int DEFAULT_CAPACITY = 1 << 16;

    private final StrompyDecoder decoder;
    private final int capacity;
    private final ArrayDeque<Chunk> waiting = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<Optional<double[][]>>> reads = new ArrayDeque<>();
    private final Writer writer = new Writer();
    private final Reader reader = new Reader();
    private boolean inputClosed;
    private StrompyError failure;

    private boolean ended;

    private record Chunk(byte[] bytes, CompletableFuture<Void> accepted) {
    }

    Channel(StrompyDecoder decoder, int capacity) {
        this.decoder = decoder;
        this.capacity = capacity;
    }

    /** {@return the side that feeds bytes} */
    public Writer writer() {
        return writer;
    }

    /** {@return the side that takes results} */
    public Reader reader() {
        return reader;
    }

    /** Feeds byte chunks into the channel. */
    public final class Writer {
        private Writer() {
        }

        /**
         * @param chunk the next bytes of the input, copied before this returns
         * @return a future that completes when the chunk is accepted into the buffer
         * @throws IllegalStateException after {@link #close()}
         */
        public CompletableFuture<Void> feed(byte[] chunk) {
            CompletableFuture<Void> accepted = new CompletableFuture<>();
            synchronized (Channel.this) {
                if (inputClosed) {
                    throw new IllegalStateException("feed after close");
                }
                waiting.add(new Chunk(chunk.clone(), accepted));
            }
            pump();
            return accepted;
        }

        /** Ends the input: once the buffered bytes are decoded, the reader sees the end. */
        public void close() {
            synchronized (Channel.this) {
                inputClosed = true;
            }
            pump();
        }
    }

    /** Takes results out of the channel. */
    public final class Reader {
        private Reader() {
        }

        /**
         * {@return a future of the next result as rows: empty at the end of the input, exceptional
         * with the {@link StrompyError} of the first failed item (then for every later call)}
         */
        public CompletableFuture<Optional<double[][]>> next() {
            CompletableFuture<Optional<double[][]>> result = new CompletableFuture<>();
            synchronized (Channel.this) {
                reads.add(result);
            }
            pump();
            return result;
        }
    }

    /** Moves bytes and results along as far as they can go, then completes futures. */
    private void pump() {
        List<Runnable> completions = new ArrayList<>();
        synchronized (this) {
            accept(completions);
            while (!reads.isEmpty()) {
                CompletableFuture<Optional<double[][]>> read = reads.peek();
                if (failure != null) {
                    reads.poll();
                    StrompyError e = failure;
                    completions.add(() -> read.completeExceptionally(e));
                    continue;
                }
                Outcome o = decoder.next();
                if (o != null) {
                    if (o.failed()) {
                        // Left in the queue: the next turn completes it with the failure.
                        failure = o.error();
                        decoder.close();
                    } else {
                        reads.poll();
                        double[][] rows = o.result();
                        completions.add(() -> read.complete(Optional.of(rows)));
                    }
                } else if (decoder.isFinished()) {
                    reads.poll();
                    completions.add(() -> read.complete(Optional.empty()));
                } else if (!accept(completions)) {
                    break;
                }
            }
        }
        completions.forEach(Runnable::run);
    }

    /**
     * {@return whether anything was handed over}: waiting chunks while there is room, the end of
     * input once every chunk is in; after a failure, chunks are accepted and dropped
     */
    private boolean accept(List<Runnable> completions) {
        boolean moved = false;
        while (!waiting.isEmpty() && (failure != null || decoder.buffered() == 0
                || decoder.buffered() + waiting.peek().bytes().length <= capacity)) {
            Chunk c = waiting.poll();
            if (failure == null) {
                decoder.feed(c.bytes(), 0, c.bytes().length);
            }
            completions.add(() -> c.accepted().complete(null));
            moved = true;
        }
        if (waiting.isEmpty() && inputClosed && failure == null && !decoder.isFinished() && !ended) {
            ended = true;
            decoder.endOfInput();
            moved = true;
        }
        return moved;
    }
}

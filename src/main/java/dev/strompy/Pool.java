package dev.strompy;

import dev.strompy.eval.Evaluator;
import dev.strompy.eval.Fold;
import dev.strompy.eval.ItemResult;
import dev.strompy.read.Frame;
import dev.strompy.read.FrameReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Whole frames evaluated on threads of their own, their outcomes handed back in input order.
 * Frames are gathered into batches of about {@code batchBytes}, so that a task is worth its
 * hand-off; at most {@code 2 × jobs} batches are in flight, so memory stays bounded. Each thread
 * reads and evaluates with a reader and fold of its own. Used by one thread at a time (the
 * decoder's caller); the pool's threads only ever see the frames of their batch.
 */
final class Pool implements AutoCloseable {
    private final ExecutorService threads;
    private final ThreadLocal<Worker> workers;
    private final int maxInFlight;
    private final int batchBytes;
    private final ArrayDeque<Future<List<ItemResult>>> inFlight = new ArrayDeque<>();
    private List<Frame> batch = new ArrayList<>();
    private long batched;

    /** What one thread reads and evaluates with. */
    private record Worker(FrameReader reader, Fold fold) {
    }

    Pool(int jobs, int batchBytes, String source, Limits limits) {
        this.maxInFlight = 2 * jobs;
        this.batchBytes = batchBytes;
        this.threads = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "strompy-decode");
            t.setDaemon(true);
            return t;
        });
        this.workers = ThreadLocal.withInitial(() -> new Worker(StrompyDecoder.reader(limits),
                new Fold(new Evaluator(limits.maxElements()), source)));
    }

    /** Adds a whole frame; a batch that is big enough goes to the threads. */
    void add(Frame f) {
        batch.add(f);
        batched += f.length() + 16;
        if (batched >= batchBytes) {
            flush();
        }
    }

    /** Sends the frames gathered so far to the threads, however few. */
    void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<Frame> frames = batch;
        inFlight.add(threads.submit(() -> evaluate(frames)));
        batch = new ArrayList<>();
        batched = 0;
    }

    /** {@return whether as many batches are in flight as may be} */
    boolean full() {
        return inFlight.size() >= maxInFlight;
    }

    /** {@return whether no frame is in flight or gathered} */
    boolean idle() {
        return inFlight.isEmpty() && batch.isEmpty();
    }

    /** {@return whether a batch is in flight} */
    boolean busy() {
        return !inFlight.isEmpty();
    }

    /** {@return the outcomes of the first batch in flight, if it is done; else null} */
    List<ItemResult> poll() {
        Future<List<ItemResult>> head = inFlight.peek();
        return head != null && head.isDone() ? take() : null;
    }

    /** {@return the outcomes of the first batch in flight, waiting for them; null when none is in flight} */
    List<ItemResult> take() {
        Future<List<ItemResult>> head = inFlight.poll();
        if (head == null) {
            return null;
        }
        try {
            return head.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the decoding threads", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) cause;
        }
    }

    /** Drops every frame gathered or in flight: their outcomes are not wanted. */
    void drop() {
        for (Future<List<ItemResult>> f : inFlight) {
            f.cancel(true);
        }
        inFlight.clear();
        batch.clear();
    }

    private List<ItemResult> evaluate(List<Frame> frames) {
        Worker w = workers.get();
        List<ItemResult> results = new ArrayList<>(frames.size());
        for (Frame f : frames) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            w.reader().read(f);
            results.add(w.fold().next(w.reader()));
        }
        return results;
    }

    @Override
    public void close() {
        drop();
        threads.shutdownNow();
    }
}

package dev.strompy.write;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;
import java.util.ArrayDeque;

/**
 * Writes large results on a second thread, so that formatting (a third of the work on large
 * matrices) overlaps with reading: in order, through a queue bounded by the entries it holds;
 * small ones are written at once when nothing is queued. {@link #sync()} waits until everything
 * is written and flushed. A write failure on the worker is thrown to the caller at its next call.
 */
public final class AsyncWriter implements ResultWriter, AutoCloseable {
    /** At most this many matrix entries wait in the queue (16 MB of doubles). */
    private static final long MAX_PENDING = 2_000_000L;
    /** Results from this many entries up go to the worker; smaller ones cost less to write than to hand over. */
    private static final long HANDOFF = 4096;

    private final ResultWriter delegate;
    private final Output out;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    /** Started when the first task is handed over: a run whose results are all small starts none. */
    private Thread worker;
    private long pending;
    private boolean busy;
    private boolean closed;
    private StrompyError failure;

    /** @param delegate the writer that formats, run on the worker thread only */
    public AsyncWriter(ResultWriter delegate, Output out) {
        this.delegate = delegate;
        this.out = out;
    }

    @Override
    public void begin() {
        submit(0, delegate::begin);
    }

    @Override
    public void result(String source, long item, Matrix result) {
        submit((long) result.rows() * result.cols(), () -> delegate.result(source, item, result));
    }

    @Override
    public void error(StrompyError error) {
        submit(0, () -> delegate.error(error));
    }

    @Override
    public void end() {
        submit(0, delegate::end);
        sync();
    }

    private void submit(long size, Runnable task) {
        synchronized (this) {
            rethrow();
            if (size >= HANDOFF || busy || !queue.isEmpty()) {
                enqueue(size, task);
                return;
            }
        }
        // The worker is idle and only this thread gives it work: write here, with no hand-off.
        try {
            record(task);
        } catch (StrompyError e) {
            fail(e);
            throw e;
        }
    }

    /** Runs one writing task as one record of the output, which a signal never cuts. */
    private void record(Runnable task) {
        out.beginRecord();
        try {
            task.run();
        } finally {
            out.endRecord();
        }
    }

    private synchronized void enqueue(long size, Runnable task) {
        while (pending > 0 && pending + size > MAX_PENDING && failure == null) {
            await();
        }
        rethrow();
        if (worker == null) {
            worker = new Thread(this::work, "strompy-writer");
            worker.setDaemon(true);
            worker.start();
        }
        pending += size;
        long weight = size;
        queue.addLast(() -> {
            try {
                task.run();
            } finally {
                release(weight);
            }
        });
        notifyAll();
    }

    private synchronized void release(long size) {
        pending -= size;
        notifyAll();
    }

    /** Waits until everything handed over is written, then flushes. */
    public synchronized void sync() {
        while ((busy || !queue.isEmpty()) && failure == null) {
            await();
        }
        rethrow();
        try {
            out.flush();
        } catch (StrompyError e) {
            failure = e;
            throw e;
        }
    }

    /** {@link #sync()}, keeping a failure for the next call. */
    public void syncIfPossible() {
        try {
            sync();
        } catch (StrompyError e) {
            // kept in `failure`
        }
    }

    private void rethrow() {
        if (failure != null) {
            throw failure;
        }
    }

    private void await() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrompyError(ErrorType.INTERNAL, "interrupted while writing", e);
        }
    }

    private void work() {
        while (true) {
            Runnable task;
            synchronized (this) {
                while (queue.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                task = queue.removeFirst();
                busy = true;
            }
            try {
                record(task);
            } catch (StrompyError e) {
                fail(e);
            } catch (RuntimeException | Error e) {
                fail(new StrompyError(ErrorType.INTERNAL, "writer failed: " + e, e));
            } finally {
                synchronized (this) {
                    busy = false;
                    notifyAll();
                }
            }
        }
    }

    private synchronized void fail(StrompyError e) {
        if (failure == null) {
            failure = e;
        }
        queue.clear();
        pending = 0;
        notifyAll();
    }

    /** Stops the worker after the queue is done; the output is the caller's again. */
    @Override
    public void close() {
        Thread started;
        synchronized (this) {
            closed = true;
            notifyAll();
            started = worker;
        }
        if (started == null) {
            return;
        }
        try {
            started.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

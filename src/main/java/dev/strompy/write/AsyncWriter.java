package dev.strompy.write;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Writes large results on a second thread, so that formatting (a third of the work on large
 * matrices) overlaps with reading: in order, through a queue bounded by the entries it holds;
 * small ones are written at once when nothing is queued. {@link #sync()} waits until everything
 * is written and flushed. A write failure on the worker is thrown to the caller at its next call.
 * Its tasks are a class, not lambdas: every run writes, and the first lambda of a run costs it the
 * start of {@code java.lang.invoke}.
 */
public final class AsyncWriter implements ResultWriter, AutoCloseable {
    /** At most this many matrix entries wait in the queue (16 MB of doubles). */
    private static final long MAX_PENDING = 2_000_000L;
    /** Results from this many entries up go to the worker; smaller ones cost less to write than to hand over. */
    private static final long HANDOFF = 4096;

    private final ResultWriter delegate;
    private final Output out;
    private final ArrayDeque<Task> queue = new ArrayDeque<>();
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

    /**
     * One thing to write: a result (with its source and item), or its text made already, an error
     * record, or the format's begin or end.
     */
    private record Task(Kind kind, String source, long item, Matrix result, ByteBuffer text, StrompyError error, long size) {
        enum Kind { BEGIN, RESULT, RENDERED, ERROR, END }

        void writeTo(ResultWriter w) {
            switch (kind) {
                case BEGIN -> w.begin();
                case RESULT -> w.result(source, item, result);
                case RENDERED -> w.rendered(source, item, text);
                case ERROR -> w.error(error);
                case END -> w.end();
            }
        }
    }

    @Override
    public void begin() {
        submit(new Task(Task.Kind.BEGIN, null, 0, null, null, null, 0));
    }

    @Override
    public void result(String source, long item, Matrix result) {
        submit(new Task(Task.Kind.RESULT, source, item, result, null, null, (long) result.rows() * result.cols()));
    }

    /** {@inheritDoc} Counted in the queue by its bytes' worth of entries. */
    @Override
    public void rendered(String source, long item, ByteBuffer rows) {
        submit(new Task(Task.Kind.RENDERED, source, item, null, rows, null, rows.remaining() / 8));
    }

    @Override
    public void error(StrompyError error) {
        submit(new Task(Task.Kind.ERROR, null, 0, null, null, error, 0));
    }

    @Override
    public void end() {
        submit(new Task(Task.Kind.END, null, 0, null, null, null, 0));
        sync();
    }

    private void submit(Task task) {
        synchronized (this) {
            rethrow();
            if (task.size() >= HANDOFF || busy || !queue.isEmpty()) {
                enqueue(task);
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
    private void record(Task task) {
        out.beginRecord();
        try {
            task.writeTo(delegate);
        } finally {
            out.endRecord();
        }
    }

    private synchronized void enqueue(Task task) {
        while (pending > 0 && pending + task.size() > MAX_PENDING && failure == null) {
            await();
        }
        rethrow();
        if (worker == null) {
            worker = new Thread("strompy-writer") {
                @Override
                public void run() {
                    work();
                }
            };
            worker.setDaemon(true);
            worker.start();
        }
        pending += task.size();
        queue.addLast(task);
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

    private synchronized void release(long size) {
        pending -= size;
        notifyAll();
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
            Task task;
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
                try {
                    record(task);
                } finally {
                    release(task.size());
                }
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

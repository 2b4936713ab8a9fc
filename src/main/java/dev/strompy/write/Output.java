package dev.strompy.write;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A buffered byte sink that turns every write failure into a typed error: on a pipe or socket,
 * {@link ErrorType#BROKEN_PIPE}, else {@link ErrorType#IO} (what the stream is decides, never the
 * translated message). After a failure every flush and write fails the same way.
 */
public final class Output implements AutoCloseable {
    private final OutputStream out;
    private final boolean pipe;
    /** Held while one record is written: a signal's end waits for the record to be whole. */
    private final ReentrantLock record = new ReentrantLock();
    private final byte[] buffer;
    private int size;
    private StrompyError failure;

    /** {@code out} is written in chunks of at most {@code bufferSize} bytes, not closed; {@code pipe}: a pipe or socket. */
    public Output(OutputStream out, int bufferSize, boolean pipe) {
        this.out = out;
        this.pipe = pipe;
        this.buffer = new byte[bufferSize];
    }

    public void write(int b) {
        if (size == buffer.length) {
            drain();
        }
        buffer[size++] = (byte) b;
    }

    /** Writes a string of ASCII characters (numbers, punctuation), one byte each. */
    public void ascii(String s) {
        int n = s.length();
        if (n > buffer.length - size) {
            drain();
            if (n > buffer.length) {
                for (int i = 0; i < n; i++) {
                    write(s.charAt(i));
                }
                return;
            }
        }
        for (int i = 0; i < n; i++) {
            buffer[size + i] = (byte) s.charAt(i);
        }
        size += n;
    }

    public void write(byte[] bytes) {
        if (bytes.length > buffer.length - size) {
            drain();
            if (bytes.length > buffer.length) {
                send(bytes, bytes.length);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    /** Writes the bytes from {@code bytes}' position to its limit, where it leaves its position. */
    public void write(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            if (size == buffer.length) {
                drain();
            }
            int n = Math.min(bytes.remaining(), buffer.length - size);
            bytes.get(buffer, size, n);
            size += n;
        }
    }

    /** Writes a finite double as {@link Numbers#shortest} would, straight into the buffer. */
    public void number(double d) {
        if (buffer.length - size < Shortest.MAX_LENGTH) {
            drain();
            if (buffer.length < Shortest.MAX_LENGTH) {
                ascii(Numbers.shortest(d));
                return;
            }
        }
        size = Shortest.write(d, buffer, size);
    }

    /** Writes text as UTF-8. */
    public void utf8(String s) {
        write(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Before one record (a result line, an error record, a table block): see {@link #seal}. */
    public void beginRecord() {
        record.lock();
    }

    /** After the record begun last. */
    public void endRecord() {
        record.unlock();
    }

    /**
     * For a signal's end, from any thread: waits up to {@code millis} for the record being written
     * to be whole, sends what is buffered (whole records only) and keeps every later record out.
     */
    public void seal(long millis) {
        try {
            if (!record.tryLock(millis, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // Never unlocked: no record starts after this.
        if (failure == null && size > 0) {
            try {
                out.write(buffer, 0, size);
                out.flush();
            } catch (IOException e) {
                // the reader is gone or the disk is full: nothing more can be kept
            }
        }
    }

    /** Sends everything buffered and flushes, holding the record lock so that {@link #seal} never sends it twice. */
    public void flush() {
        record.lock();
        try {
            drain();
            out.flush();
        } catch (IOException e) {
            throw fail(e);
        } finally {
            record.unlock();
        }
    }

    /** Flushes, keeping any failure for the next write: a dead stdout is not to be taken for bad input. */
    public void flushIfPossible() {
        if (failure != null) {
            return;
        }
        try {
            flush();
        } catch (StrompyError e) {
            // kept in `failure`; the next write or flush throws it
        }
    }

    private void drain() {
        if (failure != null) {
            throw failure;
        }
        if (size > 0) {
            int n = size;
            size = 0;
            send(buffer, n);
        }
    }

    private void send(byte[] bytes, int n) {
        if (failure != null) {
            throw failure;
        }
        try {
            out.write(bytes, 0, n);
        } catch (IOException e) {
            throw fail(e);
        }
    }

    private StrompyError fail(IOException e) {
        failure = pipe
                ? new StrompyError(ErrorType.BROKEN_PIPE, "broken pipe", e)
                : new StrompyError(ErrorType.IO, "write error on stdout: " + e.getMessage(), e);
        return failure;
    }

    /** Flushes; the underlying stream stays open (it is usually stdout). */
    @Override
    public void close() {
        flush();
    }
}

package dev.strompy.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that runs a hook just before a read that would wait for more input.
 *
 * <p>The pipeline uses it to flush finished results when a slow producer pauses, so output stays
 * buffered for throughput yet nothing finished is held back while strompy waits.
 */
public final class PausingInput extends FilterInputStream {
    private final Runnable beforeWait;

    /** @param beforeWait run when no bytes are available without blocking */
    public PausingInput(InputStream in, Runnable beforeWait) {
        super(in);
        this.beforeWait = beforeWait;
    }

    @Override
    public int read() throws IOException {
        pauseCheck();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        pauseCheck();
        return super.read(b, off, len);
    }

    private void pauseCheck() {
        int available;
        try {
            available = in.available();
        } catch (IOException e) {
            available = 0;
        }
        if (available <= 0) {
            beforeWait.run();
        }
    }
}

package dev.strompy.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr for a large file: bytes read of the total, items per second
 * and the time left. It redraws at most five times a second, and is erased when the file is
 * done or before any message is printed, so it never mixes with other output.
 */
final class Progress {
    /** Files smaller than this finish too fast for a bar to help. */
    static final long MIN_BYTES = 50L * 1024 * 1024;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final String name;
    private final long total;
    private final PrintStream err;
    private final int columns;
    private final long start = System.nanoTime();
    private long lastDraw = start;
    private long bytes;
    private long items;
    private boolean drawn;

    private Progress(String name, long total, PrintStream err, int columns) {
        this.name = name;
        this.total = total;
        this.err = err;
        this.columns = columns;
    }

    /** A bar for this source, or null when none should be shown. */
    static Progress forSource(String name, long size, boolean enabled, PrintStream err, Terminal terminal) {
        return enabled && size >= MIN_BYTES ? new Progress(name, size, err, terminal.width()) : null;
    }

    /** The source's bytes, counted as the parser reads them. */
    InputStream count(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    advance(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    advance(n);
                }
                return n;
            }
        };
    }

    void item() {
        items++;
    }

    private void advance(long n) {
        bytes += n;
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(now);
        }
    }

    private void draw(long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double fraction = Math.min(1, (double) bytes / total);
        String eta = fraction > 0 ? clock(seconds / fraction - seconds) : "--:--";
        String stats = String.format(Locale.ROOT, " %3d%% %s/%s %,.0f items/s ETA %s", (int) (fraction * 100),
                megabytes(bytes), megabytes(total), items / seconds, eta);
        String label = name.length() > 24 ? "…" + name.substring(name.length() - 23) : name;
        int width = Math.max(10, columns - label.length() - stats.length() - 4);
        int filled = (int) (fraction * width);
        String bar = "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
        err.print("\r" + label + " " + bar + stats + "\u001b[K");
        err.flush();
        drawn = true;
    }

    /** Erases the bar, if it is showing. */
    void clear() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
    }

    private static String megabytes(long n) {
        return String.format(Locale.ROOT, "%.1f MB", n / 1e6);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

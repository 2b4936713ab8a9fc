package dev.strompy.spark;

import dev.strompy.Limits;
import dev.strompy.Strompy;
import dev.strompy.read.Frame;
import dev.strompy.read.Framer;
import dev.strompy.read.Lines;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;

/**
 * The job's first stage, on the executors: where each split's items begin and end, and how many
 * lines and items it holds, so that the second stage numbers them as one process over the whole
 * file would. Items are counted by framing alone (one frame is one item), without reading them.
 */
final class Counting {
    /** Bytes read at a time. */
    static final int CHUNK = 1 << 18;

    private Counting() {
    }

    /**
     * What the first stage found of a split: its items are the bytes {@code [from, to)}.
     *
     * @param lines the lines those bytes end (a whole split: not counted, 0)
     * @param items the items they hold (a whole split: 1 if it holds any, else 0)
     */
    record Counted(long from, long to, long lines, long items) implements Serializable {
    }

    static Counted count(Split split, Configuration conf, Limits limits) {
        try {
            long from = 0;
            long to = split.size();
            if (!split.whole()) {
                Path path = new Path(split.path());
                try (FSDataInputStream in = path.getFileSystem(conf).open(path)) {
                    from = split.first() ? 0 : itemLine(in, split.start(), split.size());
                    to = split.last() ? split.size() : itemLine(in, split.end(), split.size());
                }
                if (from >= to) {
                    return new Counted(to, to, 0, 0);
                }
            }
            Framer framer = new Framer(limits.maxFrameBytes(), limits.maxNestingDepth(), null);
            if (!split.first()) {
                framer.startAt(2, false);
            }
            long items = 0;
            long lines = 0;
            try (InputStream in = split.open(conf, from)) {
                byte[] chunk = new byte[CHUNK];
                boolean lastReturn = false;
                for (long left = split.whole() ? Long.MAX_VALUE : to - from; left > 0;) {
                    int n = read(in, chunk, left, split);
                    if (n < 0) {
                        break;
                    }
                    left -= n;
                    framer.feed(chunk, 0, n);
                    items += frames(framer);
                    if (split.whole() && items > 0) {
                        // Only whether a whole file holds an item matters: numbers start at 0 in each.
                        return new Counted(from, to, 0, 1);
                    }
                    // "\r\n" split between two chunks is one line, not a lone '\r' and then a '\n'.
                    lines += Lines.count(chunk, 0, n) - (lastReturn && chunk[0] == '\n' ? 1 : 0);
                    lastReturn = chunk[n - 1] == '\r';
                }
            }
            if (split.last()) {
                framer.endOfInput();
            } else {
                framer.endOfBlock();
            }
            items += frames(framer);
            return new Counted(from, to, lines, split.whole() ? Math.min(items, 1) : items);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + split.path(), e);
        }
    }

    /**
     * Reads at most {@code left} bytes into {@code chunk}; @return how many, -1 at the end of a
     * whole split's file
     *
     * @throws IOException also when the file ends before a split that is not whole does
     */
    static int read(InputStream in, byte[] chunk, long left, Split split) throws IOException {
        int n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
        if (n < 0 && !split.whole()) {
            throw new IOException(split.path() + " is shorter than it was (" + split.size() + " bytes)");
        }
        return n;
    }

    /** {@return how many frames the framer hands out now} The pieces of a large one are skipped. */
    private static long frames(Framer framer) {
        long n = 0;
        for (Frame f = framer.next(); f != null; f = framer.next()) {
            n++;
            if (f.large()) {
                framer.skipRest();
            }
        }
        return n;
    }

    /**
     * {@return the offset of the first line at or after {@code at} that starts an item, where a
     * split begins, or {@code size} when none does}: never in the file's first 8 bytes
     * ({@link Strompy#partStart}). Holds the line being looked at only while it may still start one.
     */
    static long itemLine(FSDataInputStream in, long at, long size) throws IOException {
        long p = Math.max(at, 8);
        if (p >= size) {
            return size;
        }
        // buf[0] is the byte before the first place looked at: partStart checks it is '\n'.
        in.seek(p - 1);
        long base = p - 1;
        byte[] buf = new byte[1 << 16];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, 2 * buf.length);
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                return size;
            }
            n += r;
            int i = Strompy.partStart(buf, 1, n);
            if (i >= 0) {
                return base + i;
            }
            int keep = lastLine(buf, n);
            System.arraycopy(buf, keep, buf, 0, n - keep);
            base += keep;
            n -= keep;
        }
    }

    /**
     * {@return where to keep {@code b[0, n)} from}: the last line feed if the line after it may
     * still start an item once more bytes come ({@code {}, spaces or tabs, a few bytes of a key),
     * else the last byte alone
     */
    private static int lastLine(byte[] b, int n) {
        int k = n - 1;
        while (k >= 0 && b[k] != '\n') {
            k--;
        }
        if (k < 0) {
            return n - 1;
        }
        int i = k + 1;
        if (i < n && b[i] != '{') {
            return n - 1;
        }
        i++;
        while (i < n && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return n - i < 5 ? k : n - 1;
    }
}

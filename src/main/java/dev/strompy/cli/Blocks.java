package dev.strompy.cli;

import dev.strompy.eval.Evaluator;
import dev.strompy.eval.Fold;
import dev.strompy.eval.ItemResult;
import dev.strompy.eval.Limits;
import dev.strompy.read.ItemDecoder;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * A large input decoded on several threads: cut into blocks at line ends, each block decoded and
 * evaluated by a worker with a decoder of its own, results handed on in input order.
 *
 * <p>A worker's decoder starts its block as a fresh sequence of items, numbered and positioned
 * from what the cutter counted before it (lines, and lines that are not blank). That is right
 * only if the decoder of everything before the block ends between items, on that line, with that
 * many items: so before a block's results are used, the decoder before it must say so
 * ({@link ItemDecoder#cleanEnd()}). When it does not (an array of items, an item over several
 * lines, a line cut short inside an item), the worker's results are dropped and the block is fed
 * to the decoder before it instead, on this thread. Either way the results are exactly those of
 * one decoder over the whole file.
 *
 * <p>At most two blocks per worker are in flight. A line longer than a block ends the cutting:
 * the rest of the file is streamed through one decoder, in the memory of its largest matrix.
 *
 * <p>A stream may be taken over part way ({@link #takeOver}): the decoder that has read it so far
 * is then the decoder before the first block. When the stream has no bytes waiting, the cutter
 * cuts what has come rather than wait to fill a block, and hands on the results in flight before
 * it waits, so a slow producer sees each result at once.
 */
final class Blocks implements AutoCloseable {
    /**
     * Block size: small enough that a block and its results live and die young (a few MB of
     * blocks in flight in a 16 MB young generation). Tests make it tiny, so that small inputs
     * are cut too.
     */
    private static final int SIZE = 256 << 10;
    /**
     * The smallest file cut into blocks. Below it, a second decoding thread costs more than it
     * gains on two cores (the JIT is still compiling on the other one): 100 MB took 10-20%
     * longer with two threads, 1 GB 12% less.
     */
    private static final long SMALLEST = 512L << 20;
    /** A line longer than this ends the cutting: the rest of the file is streamed. */
    private static final int LONGEST_LINE = 8 << 20;
    private static final int STREAM_CHUNK = 1 << 18;

    private static final java.util.concurrent.atomic.AtomicLong FROM_WORKERS = new java.util.concurrent.atomic.AtomicLong();
    private final int size = Integer.getInteger("strompy.block", SIZE);
    private final InputStream in;
    private final String name;
    private final Limits limits;
    private final int jobs;
    private final ExecutorService pool;
    private final Runnable beforeWait;
    /** The cutter stopped, before a block was complete, to hand on the results in flight first. */
    private boolean waiting;
    private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
    // The cutter: bytes read past the last block's end, and the counts before the next block.
    private byte[] carry = new byte[0];
    private int carryLength;
    private boolean inputEnded;
    private boolean tooLong;
    private int index;
    private long lines = 1;
    private long items;
    /** Whether the file is one array of items (its first byte that is not whitespace is '['). */
    private boolean array;
    // The decoder whose results are being handed on, and its fold.
    private ItemDecoder current;
    private Fold fold;

    private record Block(int index, byte[] bytes, int length, long firstItem, long firstLine, boolean inArray) {
    }

    private static final byte[] OPEN_ARRAY = {'[', '\n'};

    private record Decoded(ItemDecoder items, Fold fold, List<ItemResult> results) {
    }

    private record Pending(Block block, Future<Decoded> decoded) {
    }

    /** How many blocks' results have come from workers in this JVM: for tests. */
    static long fromWorkers() {
        return FROM_WORKERS.get();
    }

    /** Whether a file of {@code size} bytes (-1: not a regular file) is worth cutting into blocks. */
    static boolean pays(long fileSize, int jobs) {
        return jobs > 1 && fileSize >= smallest();
    }

    /**
     * @param beforeWait run before a read that would wait for input (everything handed on so far
     *     is then written out)
     */
    Blocks(InputStream in, String name, Limits limits, int jobs, Runnable beforeWait) {
        this.in = in;
        this.name = name;
        this.limits = limits;
        this.jobs = jobs;
        this.beforeWait = beforeWait;
        this.pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "strompy-decode");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Blocks for the rest of a source that {@code decoder} has read on this thread so far, up to
     * a line start between items ({@link ItemDecoder#cleanEnd()} is not -1, every part taken).
     * The bytes read after that point, {@code rest}, come first.
     */
    static Blocks takeOver(InputStream in, String name, Limits limits, int jobs, Runnable beforeWait,
            ItemDecoder decoder, Fold fold, byte[] rest) {
        Blocks b = new Blocks(in, name, limits, jobs, beforeWait);
        b.current = decoder;
        b.fold = fold;
        b.carry = rest;
        b.carryLength = rest.length;
        b.index = 1;
        b.lines = decoder.cleanEnd();
        b.items = decoder.nextItem();
        b.array = decoder.inArray();
        return b;
    }

    /**
     * The smallest input cut into blocks: a file of this size, or a stream (a pipe) once this much
     * of it has come through one decoder, faster than that decoder reads it.
     */
    static long smallest() {
        return Long.getLong("strompy.blocks.from", SMALLEST);
    }

    /**
     * Hands every result of the file to {@code take}, in input order, until it says stop.
     *
     * @return whether {@code take} wanted to go on to the end
     * @throws IOException when the file cannot be read
     */
    boolean run(Predicate<ItemResult> take) throws IOException, InterruptedException {
        while (true) {
            waiting = false;
            while (inFlight.size() < 2 * jobs && !inputEnded && !tooLong && !waiting) {
                Block b = cut();
                if (b != null) {
                    inFlight.add(new Pending(b, pool.submit(() -> decode(b))));
                }
            }
            Pending p = inFlight.poll();
            if (p == null) {
                break;
            }
            if (!hand(p, take)) {
                return false;
            }
        }
        if (current == null) {
            current = new ItemDecoder(name, limits);
            fold = new Fold(new Evaluator(limits), name);
        }
        if (tooLong) {
            byte[] chunk = new byte[STREAM_CHUNK];
            if (!feed(carry, carryLength, take)) {
                return false;
            }
            carry = null;
            for (int n; (n = in.read(chunk)) >= 0;) {
                if (!feed(chunk, n, take)) {
                    return false;
                }
            }
        }
        current.endOfInput();
        return drain(take);
    }

    /** The results of the next block in order: the worker's, or this thread's when they cannot be used. */
    private boolean hand(Pending p, Predicate<ItemResult> take) throws InterruptedException {
        Block b = p.block();
        if (current == null || (current.cleanEnd() == b.firstLine() && current.nextItem() == b.firstItem())) {
            Decoded d;
            try {
                d = p.decoded().get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                throw (Error) cause;
            }
            if (current != null) {
                current.close();
            }
            FROM_WORKERS.incrementAndGet();
            current = d.items();
            fold = d.fold();
            for (ItemResult r : d.results()) {
                if (!take.test(r)) {
                    return false;
                }
            }
            return true;
        }
        p.decoded().cancel(true);
        return feed(b.bytes(), b.length(), take);
    }

    private boolean feed(byte[] bytes, int length, Predicate<ItemResult> take) {
        current.feed(bytes, 0, length);
        return drain(take);
    }

    private boolean drain(Predicate<ItemResult> take) {
        for (ItemResult r = fold.next(current); r != null; r = fold.next(current)) {
            if (!take.test(r)) {
                return false;
            }
        }
        return true;
    }

    /** A worker's decoding of one block, as if it started there. */
    private Decoded decode(Block b) {
        ItemDecoder decoder;
        if (b.index() == 0) {
            decoder = new ItemDecoder(name, limits);
        } else if (b.inArray()) {
            // Inside the array, after a comma: "[\n" on the line before puts a fresh decoder there.
            decoder = new ItemDecoder(name, limits, b.firstItem(), b.firstLine() - 1, true);
            decoder.feed(OPEN_ARRAY, 0, OPEN_ARRAY.length);
        } else {
            decoder = new ItemDecoder(name, limits, b.firstItem(), b.firstLine(), false);
        }
        Fold f = new Fold(new Evaluator(limits), name);
        decoder.feedOwned(b.bytes(), b.length());
        List<ItemResult> results = new ArrayList<>();
        for (ItemResult r = f.next(decoder); r != null; r = f.next(decoder)) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            results.add(r);
        }
        return new Decoded(decoder, f, results);
    }

    /**
     * Reads the next block: whole lines, about {@link #SIZE} bytes. Null at the end of input, or
     * when a line is longer than a block (then the rest is streamed).
     */
    private Block cut() throws IOException {
        byte[] buf = Arrays.copyOf(carry, Math.max(size, carryLength + size / 4));
        int length = carryLength;
        int end = 0;
        while (end == 0) {
            while (length < buf.length) {
                if (!Sources.bytesWaiting(in)) {
                    // A producer that is not keeping up: cut what has come, or hand on what is
                    // in flight before waiting for the rest of a line.
                    if (length > carryLength && lastCut(buf, length) > 0) {
                        break;
                    }
                    if (!inFlight.isEmpty()) {
                        carry = buf;
                        carryLength = length;
                        waiting = true;
                        return null;
                    }
                    beforeWait.run();
                }
                int n = in.read(buf, length, buf.length - length);
                if (n < 0) {
                    inputEnded = true;
                    break;
                }
                length += n;
            }
            end = length;
            if (inputEnded) {
                break;
            }
            if (index == 0 && carryLength == 0) {
                boolean bom = length >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF;
                array = firstNonBlank(buf, bom ? 3 : 0, length) == '[';
            }
            end = lastCut(buf, length);
            if (end == 0) {
                if (buf.length >= LONGEST_LINE) {
                    carry = buf;
                    carryLength = length;
                    tooLong = true;
                    return null;
                }
                // A line longer than a block: a longer block, up to a point.
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
        }
        carryLength = length - end;
        carry = Arrays.copyOfRange(buf, end, end + carryLength);
        if (end == 0) {
            return null;
        }
        Block b = new Block(index++, buf, end, items, lines, array);
        count(buf, end);
        return b;
    }

    /**
     * Where the block can end: just after the last '\n' in {@code buf[0, length)}; in an array,
     * the last one after a comma and before something other than the array's end (so that the
     * next block starts where a fresh array would expect an item). 0 if there is none.
     */
    private int lastCut(byte[] buf, int length) {
        int end = length;
        while (end > 0) {
            while (end > 0 && buf[end - 1] != '\n') {
                end--;
            }
            if (end == 0 || !array) {
                return end;
            }
            int before = end - 2;
            while (before >= 0 && isBlank(buf[before])) {
                before--;
            }
            byte next = firstNonBlank(buf, end, length);
            if (before >= 0 && buf[before] == ',' && next != 0 && next != ']') {
                return end;
            }
            end--;
        }
        return 0;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** The first byte in {@code buf[from, to)} that is not whitespace, or 0. */
    private static byte firstNonBlank(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isBlank(buf[i])) {
                return buf[i];
            }
        }
        return 0;
    }

    /**
     * Counts the lines of a block as Jackson does ('\n', "\r\n" and a lone '\r' one each), and
     * its items as they would be if each line held one: the next block's first line and first
     * item (the decoder before it confirms both before its results count).
     */
    private void count(byte[] buf, int end) {
        int lineStart = 0;
        int i = 0;
        // Eight bytes at a time: most words hold no line break at all.
        for (; i + 8 <= end; i += 8) {
            long w = (long) Words.LONGS.get(buf, i);
            if ((zeroByte(w ^ NEWLINES) | zeroByte(w ^ RETURNS)) != 0) {
                lineStart = countBytes(buf, i, i + 8, end, lineStart);
            }
        }
        lineStart = countBytes(buf, i, end, end, lineStart);
        if (!array && itemOn(buf, lineStart, end)) {
            items++;
        }
    }

    /**
     * Counts the line breaks and items of {@code buf[from, to)}, in a block that ends at
     * {@code end}.
     *
     * @param lineStart where the line that {@code from} is on starts
     * @return where the line that {@code to} is on starts
     */
    private int countBytes(byte[] buf, int from, int to, int end, int lineStart) {
        int start = lineStart;
        for (int k = from; k < to; k++) {
            byte b = buf[k];
            if (b == '\n') {
                lines++;
                items += itemOn(buf, start, k) ? 1 : 0;
                start = k + 1;
            } else if (b == '\r' && (k + 1 == end || buf[k + 1] != '\n')) {
                lines++;
            }
        }
        return start;
    }

    /**
     * Whether the line {@code buf[from, to)} holds an item, if each line holds one: in a sequence,
     * when it is not blank; in an array, when it ends with a comma.
     */
    private boolean itemOn(byte[] buf, int from, int to) {
        int k = to - 1;
        while (k >= from && isBlank(buf[k])) {
            k--;
        }
        return k >= from && (!array || buf[k] == ',');
    }

    /** Made when a file is first cut, not when Blocks is first asked whether it pays (start-up). */
    private static final class Words {
        static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    }

    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long RETURNS = 0x0D0D0D0D0D0D0D0DL;

    /** Non-zero when a byte of {@code w} is zero. */
    private static long zeroByte(long w) {
        return (w - 0x0101010101010101L) & ~w & 0x8080808080808080L;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        for (Pending p : inFlight) {
            p.decoded().cancel(true);
        }
        if (current != null) {
            current.close();
        }
    }
}

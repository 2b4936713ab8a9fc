package dev.strompy;

import dev.strompy.eval.Fold;
import dev.strompy.eval.ItemResult;
import dev.strompy.eval.Matrix;
import dev.strompy.read.FrameReader;
import dev.strompy.read.Framer;
import dev.strompy.read.Lines;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A source evaluated on several threads, in blocks cut at lines that start with {@code {"lhs"}
 * or {@code {"op"}, which always start an item ({@link Framer}): each is framed from a state known
 * from the bytes alone, as one framer over the source would. Results go on in input order; a
 * block that ends the source drops those after it. Bytes that cannot be cut yet (no such line, or
 * a producer waits for its result) are read on the caller's thread. At most {@code 2 × jobs}
 * blocks are in flight. Used by one thread at a time, the decoder's caller.
 */
final class Blocks implements AutoCloseable {
    private final String source;
    private final Limits limits;
    private final int maxInFlight;
    private final int blockBytes;
    /** Without a line to cut at for this long, the bytes are read on the caller's thread. */
    private final long longest;
    private final long parallelFrom;
    /** Makes each result's bytes on the thread that evaluated it, or null. */
    private final Renderer renderer;
    private final ExecutorService threads;
    private final ThreadLocal<Worker> workers;
    /** Blocks in flight ({@link Future}s) and stretches read already ({@link Done}), in input order. */
    private final ArrayDeque<Object> order = new ArrayDeque<>();
    private final ArrayDeque<ItemResult> ready = new ArrayDeque<>();
    /**
     * The bytes of blocks whose results have been handed on, for the next blocks to gather in: a
     * block's bytes are garbage once its thread is done, and making them again for every block
     * is most of what a large input allocates (and what each collection of the young generation
     * copies while blocks are in flight).
     */
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    /** The stretch read on this thread, when there is one; it comes after everything in order. */
    private Items here;
    private final Worker own;
    // The bytes gathered for the next block, which start at a line that starts an item (or the
    // source's start), and that line.
    private byte[] gather = new byte[1 << 12];
    private int gathered;
    /**
     * The line the first block in flight starts on; with none in flight, the line of the gathered
     * bytes or of the stretch read here. A thread numbers its block's lines from 1 and counts them:
     * the blocks' lines are added up here as their results are handed on, not as they are cut.
     */
    private long line = 1;
    private boolean atStart = true;
    private boolean array;
    private long fed;
    private boolean ended;
    /** The source ended before its bytes did: nothing after that counts. */
    private boolean stopped;

    /** What one thread reads and evaluates with. */
    private record Worker(FrameReader reader, Fold fold) {
    }

    /**
     * A block's results, whether the source goes on after it, its bytes, free again (or null), how
     * many lines it ends, and whether its lines were numbered from 1 (a block a thread read) rather
     * than from its first line (a stretch read here).
     */
    private record Done(List<ItemResult> results, boolean goesOn, byte[] bytes, long lines, boolean fromLine1) {
    }

    /**
     * {@code blockBytes}: about how many bytes a block holds; before {@code parallelFrom}, the
     * caller's thread reads; {@code firstLine} over 1: the bytes are a part of a sequence of items
     * from that line on, a line that starts an item.
     */
    Blocks(String source, Limits limits, int jobs, int blockBytes, long parallelFrom, long firstLine, Renderer renderer) {
        this.source = source;
        this.limits = limits;
        this.maxInFlight = 2 * jobs;
        this.blockBytes = blockBytes;
        this.longest = Math.max(16L * blockBytes, 2L * limits.maxFrameBytes());
        this.parallelFrom = parallelFrom;
        this.renderer = renderer;
        this.threads = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "strompy-decode");
            t.setDaemon(true);
            return t;
        });
        this.workers = ThreadLocal.withInitial(this::worker);
        this.own = worker();
        if (firstLine > 1) {
            line = firstLine;
            atStart = false;
        }
        if (parallelFrom > 0) {
            here = stretch();
            atStart = false;
        }
    }

    private Worker worker() {
        return new Worker(Items.reader(limits), Items.fold(source, limits));
    }

    void feed(byte[] bytes, int offset, int length) {
        fed += length;
        if (stopped) {
            return;
        }
        if (here != null) {
            int cut = fed >= parallelFrom ? Lines.cut(bytes, offset, offset + length, false) : -1;
            if (cut < 0) {
                here.feed(bytes, offset, length);
                return;
            }
            // Blocks take over from a line that starts an item: the stretch ends before it.
            int rest = offset + length - cut;
            here.feed(bytes, offset, cut - offset);
            closeHere();
            append(bytes, cut, rest);
        } else {
            append(bytes, offset, length);
        }
        cutBlocks();
    }

    /** No more bytes come; {@code partEnds}: they end before a line that starts an item, which another part has. */
    void endOfInput(boolean partEnds) {
        ended = true;
        if (here != null && partEnds) {
            here.endOfPart();
        } else if (here != null) {
            here.endOfInput();
        } else if (!stopped) {
            submit(gathered, !partEnds);
        }
    }

    /** {@return whether more bytes are wanted now: the threads have room for more} */
    boolean wantsInput() {
        return !ended && !stopped && ready.isEmpty() && order.size() < maxInFlight && !waitsToReadHere();
    }

    /** {@return whether every result has been handed on and no more will come} */
    boolean isFinished() {
        return (stopped || ended) && ready.isEmpty() && order.isEmpty() && gathered == 0
                && (here == null || here.isFinished());
    }

    /** {@return how many bytes fed have not been looked at yet} */
    int buffered() {
        return here != null ? here.buffered() : gathered;
    }

    /**
     * {@return the next result in input order, or null when none is ready (without {@code wait}),
     * more input is needed or none is left}: {@code wait} also reads here what cannot be cut yet
     */
    ItemResult next(boolean wait) {
        while (true) {
            ItemResult r = ready.poll();
            if (r != null) {
                return r;
            }
            Object head = order.peek();
            if (head != null) {
                Done d = head instanceof Done done ? done : done(head, wait);
                if (d == null) {
                    return null;
                }
                order.poll();
                if (d.fromLine1() && line > 1) {
                    for (ItemResult found : d.results()) {
                        ready.add(found.linesDown(line - 1));
                    }
                } else {
                    ready.addAll(d.results());
                }
                line += d.lines();
                if (d.bytes() != null && spare.size() < maxInFlight) {
                    spare.push(d.bytes());
                }
                if (!d.goesOn()) {
                    stop();
                }
                cutBlocks();
                continue;
            }
            if (here != null) {
                return here.next();
            }
            if (gathered == 0 || !wait || stopped) {
                return null;
            }
            // Nothing in flight and bytes that cannot be cut yet: read them here, now.
            here = stretch();
            here.feed(gather, 0, gathered);
            gathered = 0;
        }
    }

    /** {@return a block's results once its thread is done; null when it is not and {@code wait} is false} */
    @SuppressWarnings("unchecked")
    private Done done(Object head, boolean wait) {
        Future<Done> f = (Future<Done>) head;
        if (!wait && !f.isDone()) {
            return null;
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the decoding threads", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException x) {
                throw x;
            }
            throw (Error) cause;
        }
    }

    /** A stretch read on this thread from the gathered bytes' start, which no block in flight comes before. */
    private Items stretch() {
        Items items = new Items(source, limits, own.reader(), own.fold());
        return atStart ? items : items.startAt(line, array);
    }

    /** The stretch on this thread ends here, before a line that starts an item: its results are read now. */
    private void closeHere() {
        List<ItemResult> results = here.finish(false);
        order.add(new Done(results, here.goesOn(), null, here.line() - line, false));
        array = here.inArray();
        atStart = false;
        here = null;
    }

    /** Cuts the gathered bytes into blocks, while the threads have room. */
    private void cutBlocks() {
        while (!stopped && here == null && order.size() < maxInFlight && gathered >= blockBytes) {
            int cut = Lines.cut(gather, atStart ? 7 : 0, gathered, true);
            if (cut < 0) {
                if (gathered > longest && order.isEmpty()) {
                    // An item too long to hold in a block: it is read on this thread, as it
                    // comes, up to a line to cut at, once the blocks before it are in (their
                    // lines say where it starts).
                    here = stretch();
                    here.feed(gather, 0, gathered);
                    gathered = 0;
                }
                return;
            }
            submit(cut, false);
        }
    }

    /** Sends {@code gather[0, length)} to a thread as a block; the rest is gathered on. */
    private void submit(int length, boolean last) {
        if (atStart) {
            array = Framer.startsArray(gather, length);
        }
        // The gathered bytes are the block's; what is left after it starts the next gather.
        byte[] block = gather;
        boolean first = atStart;
        boolean inArray = array;
        order.add(threads.submit(() -> read(block, length, first, inArray, last)));
        atStart = false;
        gathered -= length;
        gather = buffer(gather.length);
        System.arraycopy(block, length, gather, 0, gathered);
    }

    /**
     * On a thread: a block's items, read and evaluated as one framer over the source would, lines
     * numbered from 1 (the block starts a line), and how many lines the block ends.
     */
    private Done read(byte[] block, int length, boolean first, boolean inArray, boolean last) {
        Worker w = workers.get();
        Items items = new Items(source, limits, w.reader(), w.fold());
        if (!first) {
            items.startAt(1, inArray);
        }
        items.feedOwned(block, length);
        List<ItemResult> results = items.finish(last);
        if (renderer != null) {
            for (int i = 0; i < results.size(); i++) {
                ItemResult r = results.get(i);
                if (r.result() != null) {
                    results.set(i, rendered(r, renderer));
                }
            }
        }
        // The framer has counted every line break of the block as it framed it.
        return new Done(results, !last && items.goesOn(), block, items.line() - 1, true);
    }

    /** {@return a successful result with the bytes {@code renderer} makes of it} */
    static ItemResult rendered(ItemResult r, Renderer renderer) {
        Matrix m = r.result();
        return r.rendered(renderer.render(m.rows(), m.cols(), m.data()));
    }

    /** {@return whether an item too long for a block waits for the blocks before it, to be read here} */
    private boolean waitsToReadHere() {
        return here == null && gathered > longest && !order.isEmpty();
    }

    /** {@return a buffer of {@code size} bytes at least: a block's whose results are handed on, or a new one} */
    private byte[] buffer(int size) {
        byte[] b = spare.poll();
        return b != null && b.length >= size ? b : new byte[Math.max(size, 1 << 12)];
    }

    private void stop() {
        stopped = true;
        for (Object o : order) {
            if (o instanceof Future<?> f) {
                f.cancel(true);
            }
        }
        order.clear();
        gathered = 0;
        if (here != null) {
            here.close();
            here = null;
        }
    }

    private void append(byte[] bytes, int offset, int length) {
        if (gathered + length > gather.length) {
            gather = Arrays.copyOf(gather, Math.max(gathered + length, 2 * gather.length));
        }
        System.arraycopy(bytes, offset, gather, gathered, length);
        gathered += length;
    }

    @Override
    public void close() {
        stop();
        threads.shutdownNow();
    }
}

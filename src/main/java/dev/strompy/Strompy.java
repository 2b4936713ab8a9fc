package dev.strompy;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.read.Framer;
import dev.strompy.read.Lines;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * Evaluates a stream of work items from a program, without the command line.
 *
 * <p>Input is what {@code strompy} reads: one JSON array of items or a sequence of items, each
 * {@code {"lhs": MATRIX, "op": [...]}}. Results come out in order as arrays of rows. The first
 * failed item ends the evaluation with a {@link StrompyError} that says where and why; results
 * before it have already been handed out.
 *
 * <pre>{@code
 * double[][][] all = Strompy.exec(Files.readAllBytes(Path.of("op.json")));
 * try (InputStream in = Files.newInputStream(path)) {
 *     Strompy.evaluate(in, result -> System.out.println(Arrays.deepToString(result)));
 * }
 * }</pre>
 */
public final class Strompy {
    /** Bytes read from a stream at a time. */
    private static final int CHUNK = 1 << 16;

    private Strompy() {
    }

    /**
     * Lazily evaluates the items of {@code in}: each {@code next()} reads and evaluates one item,
     * in the memory of the largest matrix; at the first failed item, {@code hasNext()} throws.
     *
     * @param in read as raw UTF-8 bytes; not closed
     * @return the results, one per item, in order
     */
    public static Iterator<double[][]> results(InputStream in) {
        return results(in, new StrompyDecoder());
    }

    /**
     * As {@link #results(InputStream)}, with a decoder of the caller's settings (source name,
     * limits, first item, jobs).
     *
     * @param in read as raw UTF-8 bytes; not closed
     * @param decoder new, not fed yet; closed at the end of the input or at the first failure
     * @return the results, one per item, in order
     */
    public static Iterator<double[][]> results(InputStream in, StrompyDecoder decoder) {
        byte[] chunk = new byte[CHUNK];
        Iterator<Outcome> outcomes = outcomes(decoder, () -> {
            int n;
            try {
                n = in.read(chunk);
            } catch (IOException e) {
                decoder.close();
                throw new StrompyError(ErrorType.IO, "read error: " + e.getMessage(), e).atSource(decoder.source());
            }
            if (n >= 0) {
                decoder.feed(chunk, 0, n);
            }
            return n >= 0;
        });
        return new Iterator<>() {
            private double[][] next;

            @Override
            public boolean hasNext() {
                if (next == null && outcomes.hasNext()) {
                    Outcome o = outcomes.next();
                    if (o.failed()) {
                        decoder.close();
                    }
                    next = o.orThrow();
                }
                return next != null;
            }

            @Override
            public double[][] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                double[][] rows = next;
                next = null;
                return rows;
            }
        };
    }

    /** Where a decoder's bytes come from, for {@link #outcomes}. */
    private interface Feed {
        /** Feeds the decoder more bytes; false at the end of the input. */
        boolean more();
    }

    /**
     * The outcomes of {@code decoder}, fed by {@code feed} whenever it wants bytes: the one loop
     * of the blocking helpers. With more than one job it feeds while the threads have room, and
     * waits for them only when they have none.
     */
    private static Iterator<Outcome> outcomes(StrompyDecoder decoder, Feed feed) {
        return new Iterator<>() {
            private Outcome next;

            @Override
            public boolean hasNext() {
                while (next == null && !decoder.isFinished()) {
                    next = decoder.next();
                    if (next != null) {
                        break;
                    }
                    if (!decoder.needsInput()) {
                        next = decoder.take();
                    } else if (!feed.more()) {
                        decoder.endOfInput();
                    }
                }
                if (next == null) {
                    decoder.close();
                }
                return next != null;
            }

            @Override
            public Outcome next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Outcome o = next;
                next = null;
                return o;
            }
        };
    }

    /**
     * Evaluates every item of {@code in}, handing each result to {@code sink} as soon as it is done.
     *
     * @param in not closed
     * @param sink takes each result, in order
     * @throws StrompyError at the first failed item
     */
    public static void evaluate(InputStream in, Consumer<double[][]> sink) {
        results(in).forEachRemaining(sink);
    }

    /**
     * Evaluates a whole document at once, like the original Python {@code exec}.
     *
     * @param json the whole input, UTF-8
     * @return one result per item, each as an array of rows
     * @throws StrompyError at the first failed item
     */
    public static double[][][] exec(byte[] json) {
        List<double[][]> all = new ArrayList<>();
        evaluate(new ByteArrayInputStream(json), all::add);
        return all.toArray(new double[0][][]);
    }

    /**
     * {@return a new channel, the article's: feed byte chunks to its writer, poll its reader for
     * results, on one thread or two, without ever blocking} (default limits, source {@code -})
     */
    public static Channel channel() {
        return new Channel(new StrompyDecoder(), Channel.DEFAULT_CAPACITY);
    }

    /**
     * A {@link Flow.Processor} that decodes the byte chunks it is sent (each a list of buffers, as
     * {@code HttpClient}'s body publishers send them) into one {@link Outcome} per item, failed
     * outcomes in place. It honours demand: it asks upstream for more bytes only while its
     * subscriber wants outcomes. One subscriber; not reusable.
     *
     * <pre>{@code
     * Flow.Processor<List<ByteBuffer>, Outcome> p = Strompy.processor();
     * p.subscribe(outcomeSubscriber);
     * client.sendAsync(request, HttpResponse.BodyHandlers.fromSubscriber(p));
     * }</pre>
     *
     * @return a new processor
     */
    public static Flow.Processor<List<ByteBuffer>, Outcome> processor() {
        return new DecodingProcessor(new StrompyDecoder());
    }

    /**
     * {@return where the first line in {@code b[from, to)} that starts an item starts, or -1 when
     * none does}: a line that begins <code>{"lhs"</code> or <code>{"op"</code> (spaces or tabs may follow
     * the brace) always starts an item, so a sequence of items (NDJSON, not one array) can be cut
     * there into parts, each decoded on its own ({@link StrompyDecoder.Builder#firstLine},
     * {@link StrompyDecoder#endOfPart()}) with the outcomes of the whole. The line must start just
     * after a line feed at {@code b[from - 1]} or later, and its bytes up to the key must be in the
     * range. The first part holds at least the source's first 8 bytes.
     *
     * @param b the bytes
     * @param from where to look from, at least 1
     * @param to where to stop looking
     */
    public static int partStart(byte[] b, int from, int to) {
        Objects.checkFromToIndex(from, to, b.length);
        if (from < 1) {
            throw new IllegalArgumentException("from must be at least 1: the byte before it is looked at");
        }
        return Lines.cut(b, from - 1, to, false);
    }

    /**
     * {@return whether a source that starts with {@code head[0, length)} can be cut into parts
     * ({@link #partStart})}: not when it is one array of items, nor when its first bytes are
     * refused as not UTF-8 (UTF-16 or UTF-32), which ends the whole source where it starts. Give it
     * the source's first few KB: when they are all blank space they cannot tell, and the answer
     * is no (reading a source whole is always right).
     *
     * @param head the source's first bytes
     * @param length how many of them there are
     */
    public static boolean cuttable(byte[] head, int length) {
        Objects.checkFromToIndex(0, length, head.length);
        return Framer.cuttable(head, length);
    }

    /**
     * Evaluates a partition of NDJSON lines as an engine hands them out (Spark's
     * {@code mapPartitions}, say): one {@link Outcome} per item, in order, failed outcomes in
     * place, lazily, one line read per item. A line that is not JSON costs its item only.
     *
     * <pre>{@code
     * JavaRDD<String> results = lines.mapPartitionsWithIndex((index, part) -> {
     *     Iterator<Outcome> outcomes = Strompy.partition(part, "items.ndjson#" + index, 0);
     *     ...map each outcome to a line...
     * }, true);
     * }</pre>
     *
     * @param lines the lines, each one item (blank lines are skipped); read as they are needed
     * @param source the name used in outcomes and errors, e.g. the file and the partition
     * @param firstItem the number of the partition's first item, so that item numbers are the
     *     whole input's (else 0)
     * @return the outcomes, one per item, in the order of the lines
     */
    public static Iterator<Outcome> partition(Iterator<String> lines, String source, long firstItem) {
        return partition(lines, StrompyDecoder.builder().source(source).firstItem(firstItem).build());
    }

    /**
     * As the method above, with a decoder of the caller's settings (jobs: threads for the items).
     *
     * @param lines the lines, each one item (blank lines are skipped); read as they are needed
     * @param decoder new, not fed yet; closed once the lines are done
     * @return the outcomes, one per item, in the order of the lines
     */
    public static Iterator<Outcome> partition(Iterator<String> lines, StrompyDecoder decoder) {
        return outcomes(decoder, () -> {
            if (!lines.hasNext()) {
                return false;
            }
            byte[] line = (lines.next() + "\n").getBytes(StandardCharsets.UTF_8);
            decoder.feed(line, 0, line.length);
            return true;
        });
    }
}

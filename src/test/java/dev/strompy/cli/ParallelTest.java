package dev.strompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.Child;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A source evaluated on several threads gives what one thread gives, byte for byte on stdout and
 * stderr and in the exit status, for any input, valid or not: random inputs with item errors,
 * syntax errors, blank lines, items over several lines, lines cut short and arrays, handed to the
 * threads in batches of a few dozen bytes so that every input really is spread, under each
 * --on-error mode, from a file and from a stream that comes in pieces.
 */
class ParallelTest {
    /** Several threads from the first byte, a few dozen bytes of items at a time. */
    private static Parallelism tiny(Random random) {
        return new Parallelism(0, 16 + random.nextInt(300));
    }

    private static final String[] MODES = {"--on-error=stop", "--on-error=continue", "--on-error=record"};

    @TempDir
    static Path dir;

    @RepeatedTest(150)
    void severalThreadsGiveWhatOneGives(RepetitionInfo repetition) throws IOException {
        Random random = new Random(repetition.getCurrentRepetition());
        Path file = dir.resolve("items-" + repetition.getCurrentRepetition() + ".ndjson");
        String input = input(random);
        Files.writeString(file, input, StandardCharsets.UTF_8);
        String mode = MODES[random.nextInt(MODES.length)];
        String[] extra = random.nextInt(4) == 0 ? new String[] {"-H"} : new String[0];
        Parallelism tiny = tiny(random);
        Run one = run(new ByteArrayInputStream(new byte[0]), tiny, args(file, "1", mode, extra));
        Run four = run(new ByteArrayInputStream(new byte[0]), tiny, args(file, "4", mode, extra));
        String what = mode + " batches of " + tiny.batchBytes() + ":\n" + input;
        assertEquals(one, four, what);
    }

    /** A stream that comes a few dozen bytes a read, with more waiting, as a fast producer's pipe does. */
    @RepeatedTest(150)
    void aStreamInPiecesGivesWhatOneThreadGives(RepetitionInfo repetition) {
        Random random = new Random(-repetition.getCurrentRepetition());
        String input = input(random);
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        int piece = 8 + random.nextInt(200);
        String mode = MODES[random.nextInt(MODES.length)];
        Parallelism tiny = tiny(random);
        Run one = run(new ByteArrayInputStream(bytes), tiny, "-j", "1", mode);
        Run four = run(inPieces(bytes, piece), tiny, "-j", "4", mode);
        assertEquals(one, four, mode + " in reads of " + piece + ", batches of " + tiny.batchBytes() + ":\n" + input);
    }

    /** At most {@code piece} bytes a read, the rest available. */
    private static InputStream inPieces(byte[] bytes, int piece) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, piece));
            }
        };
    }

    /** Clean NDJSON, and an array with an item on each line, give the same on several threads. */
    @ParameterizedTest
    @ValueSource(strings = {"lines", "array", "array after a byte order mark"})
    void cleanLinesAndArrays(String form) throws IOException {
        boolean array = form.startsWith("array");
        StringBuilder sb = new StringBuilder(form.endsWith("mark") ? "\uFEFF" : "").append(array ? "[\n" : "");
        for (int i = 0; i < 2000; i++) {
            sb.append("{\"lhs\": [[").append(i).append(", 2]], \"op\": [{\"code\": \"mul\", \"rhs\": ")
                    .append(i % 7 == 0 ? "[[1, 2, 3]]" : "[[1], [3]]").append("}]}").append(array && i < 1999 ? "," : "")
                    .append('\n');
        }
        sb.append(array ? "]\n" : "");
        Path file = dir.resolve("clean.ndjson");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        Parallelism small = new Parallelism(0, 4096);
        Run one = run(new ByteArrayInputStream(new byte[0]), small, args(file, "1", "-k"));
        Run two = run(new ByteArrayInputStream(new byte[0]), small, args(file, "2", "-k"));
        assertEquals(one, two);
        assertEquals(2000, two.out().lines().count());
        assertTrue(two.err().contains(":" + (array ? 1997 : 1996) + ":29: item 1995, op 0 (mul): shape mismatch: 1x2 · 1x3"),
                two.err());
    }

    /**
     * A producer that writes an item and waits for its result before the next gets each result
     * while its input stays open, with four threads: before a read that would wait, every item
     * in flight is finished and written out.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "table"})
    @Timeout(60)
    void aPausingProducerGetsEachResultOnSeveralThreadsToo(String format) throws Exception {
        PipedOutputStream producer = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(producer, 1 << 20);
        PipedInputStream results = new PipedInputStream(1 << 20);
        OutputStream stdout = new PipedOutputStream(results);
        ExecutorService threads = Executors.newFixedThreadPool(1);
        try {
            Future<Integer> exit = threads.submit(() -> {
                try (stdout) {
                    return Main.run(new String[] {"-j", "4", "--format", format}, stdin, stdout,
                            new PrintStream(OutputStream.nullOutputStream()), Terminal.NONE, new Parallelism(0, 64));
                }
            });
            // A burst first: items in flight on the threads when the producer pauses.
            byte[] burst = "{\"lhs\":[[0.5]],\"op\":[{\"code\":\"scale\",\"rhs\":2}]}\n".repeat(300).getBytes(StandardCharsets.UTF_8);
            producer.write(burst);
            producer.flush();
            StringBuilder seen = new StringBuilder();
            for (int i = 1; i <= 3; i++) {
                producer.write(("{\"lhs\":[[" + i + "]],\"op\":[{\"code\":\"scale\",\"rhs\":10}]}\n").getBytes(StandardCharsets.UTF_8));
                producer.flush();
                String want = format.equals("table") ? "# item " + (299 + i) + " (1x1)\n" + (i * 10) + ".\n" : "[[" + (i * 10) + ".0]]";
                byte[] buf = new byte[4096];
                while (!seen.toString().contains(want)) {
                    int n = results.read(buf);
                    assertTrue(n > 0, "item " + i + " is out while input stays open: " + seen);
                    seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            }
            producer.close();
            results.readAllBytes();
            assertEquals(0, exit.get(30, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * What is in flight stays bounded: a 40 MB file on four threads, in 64 KB batches, runs in a
     * 40 MB heap (a forked JVM, so that the heap is really that small).
     */
    @Test
    @Timeout(180)
    void manyBatchesRunInASmallHeap() throws IOException, InterruptedException {
        Path file = dir.resolve("large.ndjson");
        StringBuilder line = new StringBuilder();
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 200_000; i++) {
                line.setLength(0);
                line.append("{\"lhs\": [[").append(i).append(".125, 2, 3, 4], [5, 6, 7, 8]], \"op\": [{\"code\": \"add\", \"rhs\": ")
                        .append("[[1, 1, 1, 1], [2, 2, 2, 2]]}, {\"code\": \"transpose\"}, {\"code\": \"scale\", \"rhs\": 0.5}]}\n");
                w.write(line.toString());
            }
        }
        assertTrue(Files.size(file) > 30_000_000);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx40m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), ParallelMain.class.getName(),
                "-j", "4", file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long lines = 0;
        String last = null;
        Child.Watch watch = Child.watch(p, Duration.ofSeconds(150));
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = out.readLine()) != null;) {
                lines++;
                last = l;
            }
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        } finally {
            watch.close();
        }
        assertEquals(0, p.exitValue());
        assertEquals(200_000, lines);
        assertEquals("[[100000.0625,3.5],[1.5,4.0],[2.0,4.5],[2.5,5.0]]", last);
    }

    private static String[] args(Path file, String jobs, String mode, String... extra) {
        List<String> args = new ArrayList<>(List.of("-j", jobs, mode));
        args.addAll(List.of(extra));
        args.add(file.toString());
        return args.toArray(new String[0]);
    }

    private static Run run(InputStream stdin, Parallelism parallelism, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, stdin, out, new PrintStream(err, true, StandardCharsets.UTF_8), Terminal.NONE, parallelism);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String input(Random random) {
        StringBuilder sb = new StringBuilder();
        boolean array = random.nextInt(6) == 0;
        if (array) {
            sb.append("[\n");
        }
        for (int i = 0, n = random.nextInt(60); i < n; i++) {
            String item = item(random);
            int odd = random.nextInt(40);
            if (odd == 0) {
                item = item.substring(0, item.length() / 2);
            } else if (odd == 1) {
                item = item.replace(", \"op\"", ",\n  \"op\"");
            } else if (odd == 2) {
                item = item.replace("[[", "[[01");
            }
            sb.append(item);
            if (array && i + 1 < n) {
                sb.append(',');
            }
            sb.append(random.nextInt(12) == 0 ? "\r\n" : "\n");
            if (random.nextInt(20) == 0) {
                sb.append(random.nextBoolean() ? "\n" : "  \n");
            }
        }
        if (array) {
            sb.append("]\n");
        }
        return sb.toString();
    }

    private static String item(Random random) {
        int r = 1 + random.nextInt(3);
        int c = 1 + random.nextInt(3);
        String op = switch (random.nextInt(8)) {
            case 0 -> "{\"code\": \"mul\", \"rhs\": " + matrix(random, c + (random.nextInt(10) == 0 ? 1 : 0), 2) + "}";
            case 1 -> "{\"code\": \"add\", \"rhs\": " + matrix(random, r, c) + "}";
            case 2 -> "{\"code\": \"scale\", \"rhs\": 2.5}";
            case 3 -> "{\"code\": \"trace\"}";
            case 4 -> "{\"code\": \"mull\"}";
            default -> "{\"code\": \"transpose\"}";
        };
        return "{\"lhs\": " + matrix(random, r, c) + ", \"op\": [" + op + "]}";
    }

    private static String matrix(Random random, int rows, int cols) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < cols; j++) {
                sb.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", random.nextGaussian() * 5));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}

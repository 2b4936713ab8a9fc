package dev.strompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file decoded on several threads gives what one thread gives, byte for byte on stdout and
 * stderr and in the exit status: random inputs with item errors, syntax errors, blank lines,
 * items over several lines, lines cut short and arrays, cut into blocks of a few dozen bytes so
 * that every input really is split, under each --on-error mode.
 */
class BlocksTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void tinyBlocks() {
        System.setProperty("strompy.blocks.from", "0");
    }

    private static final java.util.concurrent.atomic.AtomicLong WORKERS = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong RUNS = new java.util.concurrent.atomic.AtomicLong();

    @AfterAll
    static void normalBlocks() {
        if (RUNS.get() >= 100) {
            assertTrue(WORKERS.get() > 500, WORKERS + " blocks' results came from workers");
            assertTrue(STREAM_WORKERS.get() > 300, STREAM_WORKERS + " blocks' results of streams came from workers");
        }
        System.clearProperty("strompy.blocks.from");
        System.clearProperty("strompy.block");
    }

    @RepeatedTest(150)
    void severalThreadsGiveWhatOneGives(RepetitionInfo repetition) throws IOException {
        Random random = new Random(repetition.getCurrentRepetition());
        Path file = dir.resolve("items-" + repetition.getCurrentRepetition() + ".ndjson");
        String input = input(random);
        Files.writeString(file, input, StandardCharsets.UTF_8);
        System.setProperty("strompy.block", Integer.toString(16 + random.nextInt(300)));
        String[] modes = {"--on-error=stop", "--on-error=continue", "--on-error=record"};
        String mode = modes[random.nextInt(modes.length)];
        String[] extra = random.nextInt(4) == 0 ? new String[] {"-H"} : new String[0];
        Run one = run(file, "1", mode, extra);
        long before = Blocks.fromWorkers();
        Run four = run(file, "4", mode, extra);
        WORKERS.addAndGet(Blocks.fromWorkers() - before);
        RUNS.incrementAndGet();
        String what = mode + " blocks of " + System.getProperty("strompy.block") + ":\n" + input;
        assertEquals(one.out(), four.out(), what);
        assertEquals(one.err(), four.err(), what);
        assertEquals(one.exit(), four.exit(), what);
    }

    /**
     * A stream (a pipe) that comes faster than one decoder reads it is taken over by blocks part
     * way, from where that decoder stands: the same output as one thread. stdin here hands out
     * a few dozen bytes per read and has more waiting, as a fast producer's pipe does.
     */
    @RepeatedTest(150)
    void aFastStreamTakenOverByBlocksGivesWhatOneThreadGives(RepetitionInfo repetition) {
        Random random = new Random(-repetition.getCurrentRepetition());
        String input = input(random);
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        int piece = 8 + random.nextInt(200);
        System.setProperty("strompy.block", Integer.toString(16 + random.nextInt(300)));
        String[] modes = {"--on-error=stop", "--on-error=continue", "--on-error=record"};
        String mode = modes[random.nextInt(modes.length)];
        Run one = Run.of(new java.io.ByteArrayInputStream(bytes), new java.io.ByteArrayOutputStream(), "-j", "1", mode);
        long before = Blocks.fromWorkers();
        Run four = Run.of(inPieces(bytes, piece), new java.io.ByteArrayOutputStream(), "-j", "4", mode);
        STREAM_WORKERS.addAndGet(Blocks.fromWorkers() - before);
        String what = mode + " in reads of " + piece + ", blocks of " + System.getProperty("strompy.block") + ":\n" + input;
        assertEquals(one.out(), four.out(), what);
        assertEquals(one.err(), four.err(), what);
        assertEquals(one.exit(), four.exit(), what);
    }

    private static final java.util.concurrent.atomic.AtomicLong STREAM_WORKERS = new java.util.concurrent.atomic.AtomicLong();

    /** At most {@code piece} bytes a read, the rest available. */
    private static InputStream inPieces(byte[] bytes, int piece) {
        return new java.io.FilterInputStream(new java.io.ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, piece));
            }
        };
    }

    /** Clean NDJSON, and an array with an item on each line, are really decoded on several threads. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"lines", "array", "array after a byte order mark"})
    void cleanLinesAreDecodedInBlocks(String form) throws IOException {
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
        System.setProperty("strompy.block", "4096");
        Run one = run(file, "1", "-k");
        long before = Blocks.fromWorkers();
        Run two = run(file, "2", "-k");
        assertTrue(Blocks.fromWorkers() - before > 10, "blocks decoded by workers: " + (Blocks.fromWorkers() - before));
        assertEquals(one, two);
        assertEquals(2000, two.out().lines().count());
        assertTrue(two.err().contains(":" + (array ? 1997 : 1996) + ":29: item 1995, op 0 (mul): shape mismatch: 1x2 · 1x3"),
                two.err());
    }

    /**
     * Blocks in flight stay bounded: a 40 MB file on four threads, in 64 KB blocks, runs in a
     * 40 MB heap (a forked JVM, so that the heap is really that small).
     */
    @Test
    void manyBlocksRunInASmallHeap() throws IOException, InterruptedException {
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
                "-Xmx40m", "-XX:+UseSerialGC", "-Dstrompy.blocks.from=0", "-Dstrompy.block=65536",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "-j", "4", file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long lines;
        String last = null;
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            lines = 0;
            for (String l; (l = out.readLine()) != null;) {
                lines++;
                last = l;
            }
        }
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertEquals(200_000, lines);
        assertEquals("[[100000.0625,3.5],[1.5,4.0],[2.0,4.5],[2.5,5.0]]", last);
    }

    private static Run run(Path file, String jobs, String mode, String... extra) {
        List<String> args = new ArrayList<>(List.of("-j", jobs, mode));
        args.addAll(List.of(extra));
        args.add(file.toString());
        return Run.of(new byte[0], args.toArray(new String[0]));
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

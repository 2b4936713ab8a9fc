package dev.strompy.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.eval.Matrix;
import dev.strompy.eval.Operand;
import dev.strompy.eval.Part;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The fast path for items in the usual shape ({@link LineScanner}) reads what Jackson reads:
 * the same parts, bit for bit, the same errors at the same places. Each input is decoded with
 * the fast path and without it.
 */
class LineScannerTest {
    private static final long MAX = 10_000_000;

    @RepeatedTest(300)
    void theFastPathReadsWhatJacksonReads(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        // Every other input has few oddities, so that most of its lines go the fast way.
        String in = RandomItems.input(random, repetition.getCurrentRepetition() % 2 == 0 ? 1 : 20);
        byte[] bytes = in.getBytes(StandardCharsets.UTF_8);
        FAST.addAndGet(fastItems(bytes));
        long limit = random.nextBoolean() ? MAX : 1 + random.nextInt(12);
        List<String> jackson = RandomItems.decode(bytes, bytes.length, limit, false);
        assertEquals(jackson, RandomItems.decode(bytes, bytes.length, limit, true), in.toString());
        int chunk = 1 + random.nextInt(64);
        assertEquals(jackson, RandomItems.decode(bytes, chunk, limit, true), in + " in chunks of " + chunk);
    }

    /**
     * A lone '\r' ends a line, for the framer as for Jackson: positions agree after it, with the
     * scanner and without it, however the input is cut.
     */
    @RepeatedTest(50)
    void loneCarriageReturnsGiveTheSameOutcomes(RepetitionInfo repetition) {
        Random random = new Random(-repetition.getCurrentRepetition());
        RandomItems.rarity = 1;
        StringBuilder in = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
            in.append(RandomItems.line(random).replace(" ", random.nextInt(4) == 0 ? " \r" : " ")).append('\n');
        }
        byte[] bytes = in.toString().getBytes(StandardCharsets.UTF_8);
        List<String> jackson = RandomItems.decode(bytes, bytes.length, MAX, false);
        assertEquals(jackson, RandomItems.decode(bytes, bytes.length, MAX, true), in.toString());
        assertEquals(jackson, RandomItems.decode(bytes, 1, MAX, true), in + " a byte at a time");
    }

    /**
     * Items over several lines (pretty-printed, with '\n', "\r\n" or a lone '\r' where a space
     * was, and indents) read as Jackson reads them, with the same lines and columns, however the
     * input is cut; those in the usual shape go the fast way when their lines have come.
     */
    @RepeatedTest(100)
    void itemsOverSeveralLinesReadAsJacksonReadsThem(RepetitionInfo repetition) {
        Random random = new Random(1000 + repetition.getCurrentRepetition());
        String[] breaks = {"\r\n", "\r"};
        StringBuilder in = new StringBuilder(random.nextBoolean() ? "[\n" : "");
        boolean array = in.length() > 0;
        for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) {
            RandomItems.rarity = 20;
            StringBuilder line = new StringBuilder(RandomItems.line(random));
            for (int k = line.indexOf(" "); k >= 0; k = line.indexOf(" ", k + 1)) {
                if (random.nextInt(3) == 0) {
                    String b = breaks[random.nextInt(breaks.length)];
                    line.replace(k, k + 1, b);
                    k += b.length() - 1;
                }
            }
            in.append(line).append(array && i < n - 1 ? ",\n" : "\n");
        }
        if (array) {
            in.append("]\n");
        }
        byte[] bytes = in.toString().getBytes(StandardCharsets.UTF_8);
        MULTI_LINE_FAST.addAndGet(fastItems(bytes));
        List<String> jackson = RandomItems.decode(bytes, bytes.length, MAX, false);
        assertEquals(jackson, RandomItems.decode(bytes, bytes.length, MAX, true), in.toString());
        int chunk = 1 + random.nextInt(64);
        assertEquals(jackson, RandomItems.decode(bytes, chunk, MAX, true), in + " in chunks of " + chunk);
    }

    /** The article's example, pretty-printed over eight lines: one item, read the fast way. */
    @Test
    void thePrettyPrintedExampleGoesTheFastWay() {
        String example = """
                [
                  {
                    "lhs": {"d": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], "n": 3},
                    "op": [
                      {"code": "dot", "rhs": {"d": [13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24], "n": 3}}
                    ]
                  }
                ]
                """;
        byte[] bytes = example.getBytes(StandardCharsets.UTF_8);
        assertEquals(1, fastItems(bytes));
        List<String> jackson = RandomItems.decode(bytes, bytes.length, MAX, false);
        assertEquals(jackson, RandomItems.decode(bytes, bytes.length, MAX, true));
        assertTrue(jackson.contains("step 0 dot [[13.0, 14.0, 15.0], [16.0, 17.0, 18.0], [19.0, 20.0, 21.0], [22.0, 23.0, 24.0]]"
                + " bits [4623507967449235456, 4624070917402656768, 4624633867356078080, 4625196817309499392, 4625478292286210048,"
                + " 4625759767262920704, 4626041242239631360, 4626322717216342016, 4626604192193052672, 4626885667169763328,"
                + " 4627167142146473984, 4627448617123184640] at 5:7"), jackson.toString());
    }

    /**
     * Every byte value after runs of 1 to 19 digits, in an integer part and in a fraction, reads
     * as Jackson reads it (an 'e', a letter, a byte above 127 or a control character ends the run
     * exactly there), and the numbers the scanner takes are read the fast way.
     */
    @Test
    void everyByteAfterARunOfDigitsReadsAsJacksonReadsIt() {
        for (int k = 1; k <= 19; k++) {
            String digits = "9876543210123456789".substring(0, k);
            for (int b = 0; b < 256; b++) {
                for (String number : new String[] {digits, "7." + digits, "0.00" + digits}) {
                    java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
                    line.writeBytes(("{\"lhs\": [[" + " ".repeat(b % 8) + number).getBytes(StandardCharsets.US_ASCII));
                    line.write(b);
                    line.writeBytes(", 5]], \"op\": []}\n{\"lhs\": [[1]], \"op\": []}\n".getBytes(StandardCharsets.US_ASCII));
                    byte[] bytes = line.toByteArray();
                    List<String> jackson = RandomItems.decode(bytes, bytes.length, MAX, false);
                    assertEquals(jackson, RandomItems.decode(bytes, bytes.length, MAX, true),
                            () -> new String(bytes, StandardCharsets.ISO_8859_1));
                    if (b == ' ' || b == '\t') {
                        // A number the scanner takes (at most 15 significant digits): both lines
                        // go the fast way; otherwise the second.
                        boolean takes = number.replace(".", "").replaceFirst("^0+", "").length() <= 15;
                        assertEquals(takes ? 2 : 1, fastItems(bytes),
                                () -> new String(bytes, StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }
    }

    /** An item longer than the frame limit streams through Jackson: its parts are never all held at once. */
    @Test
    void aVeryLongLineGoesToJackson() {
        StringBuilder ops = new StringBuilder();
        for (int i = 0; ops.length() <= Reading.MAX_FRAME; i++) {
            ops.append(i == 0 ? "" : ", ").append("{\"code\": \"scale\", \"rhs\": 1.5}");
        }
        String short1 = "{\"lhs\": [[1]], \"op\": []}\n";
        String input = short1 + "{\"lhs\": [[1]], \"op\": [" + ops + "]}\n" + short1;
        assertTrue(input.length() > Reading.MAX_FRAME);
        assertReadAlike(input, 2, "the first and the last line");
    }

    /** So are lines with more ops or numbers than the scanner holds at once, however short. */
    @Test
    void manyOpsOrNumbersGoToJackson() {
        String ops = String.join(",", java.util.Collections.nCopies(5000, "{\"code\":\"neg\"}"));
        String numbers = String.join(",", java.util.Collections.nCopies((1 << 20) + 1, "1"));
        String ok = "{\"lhs\": [[1]], \"op\": [" + String.join(",", java.util.Collections.nCopies(4096, "{\"code\":\"neg\"}")) + "]}\n";
        String input = "{\"lhs\": [[1]], \"op\": [" + ops + "]}\n{\"lhs\": [[" + numbers + "]], \"op\": []}\n" + ok;
        assertReadAlike(input, 1, "the last line only");
    }

    /** The input gives the same parts with and without the scanner, which reads {@code fast} items. */
    private static void assertReadAlike(String input, long fast, String which) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        assertEquals(fast, fastItems(bytes), which);
        assertEquals(RandomItems.decode(bytes, bytes.length, MAX, false),
                RandomItems.decode(bytes, bytes.length, MAX, true));
    }

    /** In an array, items go the fast way too, wherever they are on their lines. */
    @Test
    void arrayItemsGoTheFastWay() {
        String lines = """
                [
                {"lhs": [[1]], "op": []},
                {"lhs": [[1, 2]], "op": [{"code": "mul", "rhs": [[1, 2]]}]},
                {"lhs": [[3]], "op": [{"code": "scale", "rhs": -0.5}]},

                {"lhs": [[4]], "op": []}, {"lhs": [[5]], "op": []}
                ]
                """;
        byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
        List<String> jackson = RandomItems.decode(bytes, bytes.length, MAX, false);
        assertEquals(jackson, RandomItems.decode(bytes, bytes.length, MAX, true));
        assertTrue(jackson.stream().anyMatch(p -> p.startsWith("step 0 mul") && p.endsWith("at 3:26")), jackson.toString());
        assertEquals(5, fastItems(bytes), "every item");
        // A comma too many before the array's end.
        byte[] trailing = "[\n{\"lhs\": [[1]], \"op\": []},\n{\"lhs\": [[2]], \"op\": []},\n]\n".getBytes(StandardCharsets.UTF_8);
        List<String> expected = RandomItems.decode(trailing, trailing.length, MAX, false);
        assertEquals(expected, RandomItems.decode(trailing, trailing.length, MAX, true));
        assertEquals("failure syntax -:4:1: expected an item after ',', got ']'", expected.get(expected.size() - 1));
    }

    /** The bench's shape of line goes the fast way, with Jackson's numbers and positions. */
    @Test
    void commonLinesGoTheFastWay() {
        String lines = """
                {"lhs":[[1]],"op":[]}
                {"lhs":[[52.754923795323,14,-5.550951284777],[-22.038238595773,53.431525829592,-46.733887908548]],"op":[{"code":"dot","rhs":[[-948,-98.159012289123,37.296770835816],[10.571915258593,386,-59]]}]}
                {"lhs": {"d": [1, 2, 3, 4, 5, 6], "n": 3}, "op": [{"code": "transpose"}, {"code": "mul", "rhs": [[1, 2], [3, 4], [5, 6]]}]}
                {"lhs": [[1, 2]], "op": [{"code": "scale", "rhs": -0.25}, {"code": "mul", "rhs": [[1, 2]]}]}
                {"lhs": [[-0]], "op": []}
                """;
        byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
        List<String> jackson = RandomItems.decode(bytes, bytes.length, MAX, false);
        assertEquals(jackson, RandomItems.decode(bytes, bytes.length, MAX, true));
        assertTrue(jackson.contains("step 1 mul [[1.0, 2.0]] bits [4607182418800017408, 4611686018427387904] at 4:59"), jackson.toString());
        assertTrue(jackson.contains("lhs [[-0.0]] bits [-9223372036854775808]"), jackson.toString());
        assertEquals(5, fastItems(bytes), "every item");
        // Each line fed in two pieces: each item is read whole all the same, by the scanner.
        Reading d = new Reading(MAX);
        List<String> parts = new ArrayList<>();
        for (int start = 0; start < bytes.length;) {
            int end = lines.indexOf('\n', start) + 1;
            int middle = (start + end) / 2;
            for (int[] piece : new int[][] {{start, middle}, {middle, end}}) {
                d.feed(bytes, piece[0], piece[1] - piece[0]);
                d.drain().forEach(p -> parts.add(RandomItems.summary(p)));
            }
            start = end;
        }
        d.endOfInput();
        d.drain().forEach(p -> parts.add(RandomItems.summary(p)));
        assertEquals(jackson, parts);
        assertEquals(5, d.scannedItems, "every item, each line in two pieces");
        // Every line is read by the scanner, and it stops just past the item's closing brace.
        LineScanner scanner = new LineScanner(MAX, Reading.MAX_FRAME);
        int at = 0;
        List<Part> read = new ArrayList<>();
        for (int line = 1; at < bytes.length; line++) {
            int next = scanner.scan(bytes, at, bytes.length, line, 1, read);
            assertEquals('}', bytes[next - 1], "line " + line);
            assertEquals('\n', bytes[next], "line " + line);
            at = next + 1;
        }
        assertEquals(2 + 3 + 4 + 4 + 2, read.size(), read.toString());
        // Bytes that run out before the item ends, or the wrong bytes: declined.
        assertEquals(LineScanner.DECLINED, scanner.scan(bytes, 0, 10, 1, 1, read));
        byte[] otherOrder = "{\"op\": [], \"lhs\": [[1]]}".getBytes(StandardCharsets.UTF_8);
        assertEquals(LineScanner.DECLINED, scanner.scan(otherOrder, 0, otherOrder.length, 1, 1, read));
    }

    private static final java.util.concurrent.atomic.AtomicLong FAST = new java.util.concurrent.atomic.AtomicLong();

    private static final java.util.concurrent.atomic.AtomicLong MULTI_LINE_FAST = new java.util.concurrent.atomic.AtomicLong();

    @org.junit.jupiter.api.AfterAll
    static void theRandomLinesWentBothWays() {
        assertTrue(FAST.get() > 1000, FAST + " items read by the scanner");
        assertTrue(MULTI_LINE_FAST.get() > 300, MULTI_LINE_FAST + " items over several lines read by the scanner");
    }

    private static long fastItems(byte[] bytes) {
        Reading d = new Reading(MAX);
        Reading.parts(bytes, bytes.length, d);
        return d.scannedItems;
    }

}

package dev.strompy.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.eval.Limits;
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
 * The fast path for whole lines of a sequence ({@link LineScanner}) reads what Jackson reads:
 * the same parts, bit for bit, the same errors at the same places. Each input is decoded with
 * the fast path and without it.
 */
class LineScannerTest {
    /** Number literals, the scanner's and the ones it must decline. */

    @RepeatedTest(300)
    void theFastPathReadsWhatJacksonReads(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        // Every other input has few oddities, so that most of its lines go the fast way.
        String in = RandomItems.input(random, repetition.getCurrentRepetition() % 2 == 0 ? 1 : 20);
        byte[] bytes = in.getBytes(StandardCharsets.UTF_8);
        FAST.addAndGet(fastItems(bytes));
        long limit = random.nextBoolean() ? Limits.DEFAULT.maxElements() : 1 + random.nextInt(12);
        List<String> jackson = RandomItems.decode(bytes, bytes.length, limit, false);
        assertEquals(jackson, RandomItems.decode(bytes, bytes.length, limit, true), in.toString());
        if (jackson.stream().noneMatch(p -> p.contains(" syntax "))) {
            // Jackson's messages for a syntax error can depend on where its input was cut: with
            // none, any feeding gives the same parts.
            int chunk = 1 + random.nextInt(64);
            assertEquals(jackson, RandomItems.decode(bytes, chunk, limit, true), in + " in chunks of " + chunk);
        }
    }

    /**
     * A lone '\r' ends a line for Jackson but not for the resynchronisation after a syntax
     * error, which looks for '\n' (as NDJSON does), so on such input positions after a
     * restart are approximate either way; what is read, and which items fail, still agree.
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
        List<String> jackson = RandomItems.decode(bytes, bytes.length, Limits.DEFAULT.maxElements(), false);
        List<String> fast = RandomItems.decode(bytes, bytes.length, Limits.DEFAULT.maxElements(), true);
        assertEquals(withoutPositions(jackson), withoutPositions(fast), in.toString());
    }

    private static List<String> withoutPositions(List<String> parts) {
        return parts.stream().map(p -> p.replaceAll(" at [0-9]+:[0-9]+$", "").replaceAll("-:[0-9]+:[0-9]+: ", "")).toList();
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
                    List<String> jackson = RandomItems.decode(bytes, bytes.length, Limits.DEFAULT.maxElements(), false);
                    assertEquals(jackson, RandomItems.decode(bytes, bytes.length, Limits.DEFAULT.maxElements(), true),
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

    /** A line longer than the scanner takes streams through Jackson: its parts are never all held at once. */
    @Test
    void aVeryLongLineGoesToJackson() {
        StringBuilder ops = new StringBuilder();
        for (int i = 0; ops.length() <= LineScanner.MAX_LINE; i++) {
            ops.append(i == 0 ? "" : ", ").append("{\"code\": \"scale\", \"rhs\": 1.5}");
        }
        String short1 = "{\"lhs\": [[1]], \"op\": []}\n";
        String input = short1 + "{\"lhs\": [[1]], \"op\": [" + ops + "]}\n" + short1;
        assertTrue(input.length() > LineScanner.MAX_LINE);
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
        assertEquals(RandomItems.decode(bytes, bytes.length, Limits.DEFAULT.maxElements(), false),
                RandomItems.decode(bytes, bytes.length, Limits.DEFAULT.maxElements(), true));
    }

    /**
     * In an array, a line with an item and its comma goes the fast way when the next line opens
     * an item; the last item (no comma) and the array's end go to Jackson, which starts again
     * just inside the array.
     */
    @Test
    void arrayLinesGoTheFastWay() {
        String lines = """
                [
                {"lhs": [[1]], "op": []},
                {"lhs": [[1, 2]], "op": [{"code": "mul", "rhs": [[1, 2]]}]},
                {"lhs": [[3]], "op": [{"code": "scale", "rhs": -0.5}]},

                {"lhs": [[4]], "op": []},
                {"lhs": [[5]], "op": []}
                ]
                """;
        byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
        List<String> jackson = RandomItems.decode(bytes, bytes.length, Limits.DEFAULT.maxElements(), false);
        assertEquals(jackson, RandomItems.decode(bytes, bytes.length, Limits.DEFAULT.maxElements(), true));
        assertTrue(jackson.stream().anyMatch(p -> p.startsWith("step 1 0 mul") && p.endsWith("at 3:26")), jackson.toString());
        assertEquals(3, fastItems(bytes), "items 1, 2 and 3");
        // A comma too many before the array's end is Jackson's to report, as without the scanner.
        byte[] trailing = "[\n{\"lhs\": [[1]], \"op\": []},\n{\"lhs\": [[2]], \"op\": []},\n]\n".getBytes(StandardCharsets.UTF_8);
        List<String> expected = RandomItems.decode(trailing, trailing.length, Limits.DEFAULT.maxElements(), false);
        assertEquals(expected, RandomItems.decode(trailing, trailing.length, Limits.DEFAULT.maxElements(), true));
        assertTrue(expected.get(expected.size() - 1).startsWith("failure syntax -:4:1"), expected.toString());
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
        List<String> jackson = RandomItems.decode(bytes, bytes.length, Limits.DEFAULT.maxElements(), false);
        assertEquals(jackson, RandomItems.decode(bytes, bytes.length, Limits.DEFAULT.maxElements(), true));
        assertTrue(jackson.contains("step 3 1 mul [[1.0, 2.0]] bits [4607182418800017408, 4611686018427387904] at 4:59"), jackson.toString());
        assertTrue(jackson.contains("lhs 4 [[-0.0]] bits [-9223372036854775808]"), jackson.toString());
        try (ItemDecoder d = new ItemDecoder("-", Limits.DEFAULT)) {
            d.feed(bytes, 0, bytes.length);
            d.endOfInput();
            while (d.next() != null) {
                // take every part
            }
            assertEquals(5, d.fastItems(), "every item");
        }
        // Each line fed in two pieces (cut in its middle, never just after its closing brace,
        // which gives the item to Jackson at once): each line waits for its newline and is read
        // whole all the same.
        try (ItemDecoder d = new ItemDecoder("-", Limits.DEFAULT)) {
            List<String> parts = new ArrayList<>();
            for (int start = 0; start < bytes.length;) {
                int end = lines.indexOf('\n', start) + 1;
                int middle = (start + end) / 2;
                for (int[] piece : new int[][] {{start, middle}, {middle, end}}) {
                    d.feed(bytes, piece[0], piece[1] - piece[0]);
                    for (Part p; (p = d.next()) != null;) {
                        parts.add(RandomItems.summary(p));
                    }
                }
                start = end;
            }
            d.endOfInput();
            for (Part p; (p = d.next()) != null;) {
                parts.add(RandomItems.summary(p));
            }
            assertEquals(jackson, parts);
            assertEquals(5, d.fastItems(), "every item, each line in two pieces");
        }
        // Every line is read by the scanner.
        LineScanner scanner = new LineScanner(Limits.DEFAULT.maxElements());
        int at = 0;
        List<Part> parts = new ArrayList<>();
        for (int line = 1; at < bytes.length; line++) {
            int next = scanner.scan(bytes, at, bytes.length, bytes.length, line, line - 1, parts, false);
            assertTrue(next > at, "line " + line);
            at = next;
        }
        assertEquals(2 + 3 + 4 + 4 + 2, parts.size(), parts.toString());
    }

    private static final java.util.concurrent.atomic.AtomicLong FAST = new java.util.concurrent.atomic.AtomicLong();

    @org.junit.jupiter.api.AfterAll
    static void theRandomLinesWentBothWays() {
        assertTrue(FAST.get() > 1000, FAST + " items read by the scanner");
    }

    private static long fastItems(byte[] bytes) {
        try (ItemDecoder d = new ItemDecoder("-", Limits.DEFAULT)) {
            d.feed(bytes, 0, bytes.length);
            d.endOfInput();
            while (d.next() != null) {
                // take every part
            }
            return d.fastItems();
        }
    }

}

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
    private static final String[] NUMBERS = {
        "0", "-0", "1", "-1", "14", "0.5", "-0.0", "0.1", "52.754923795323", "-99.612749538472",
        "123456789012345", "1234567890123456", "123456789012345678", "9007199254740993",
        "0.000000000000000000001", "0.0000000000000000000000001", "1.0000000000000002", "1e5", "1E-3",
        "-2.5e+3", "1e400", "01", "-", "1.", ".5", "+1", "0x10", "1.5.3", "999999999999999.9", "NaN",
        "\"1\"", "true", "null",
    };
    private static final String[] CODES = {
        "transpose", "neg", "norm", "sum", "trace", "determinant", "scale", "add", "mul", "dot", "pow",
        "mull", "\\u0074ranspose", "m\u00fcl", "", "rank", "pseudo_inverse",
    };
    private static final String[] SPACE = {"", "", "", " ", "  ", "\t", " "};

    @RepeatedTest(300)
    void theFastPathReadsWhatJacksonReads(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        // Every other input has few oddities, so that most of its lines go the fast way.
        rarity = repetition.getCurrentRepetition() % 2 == 0 ? 1 : 20;
        StringBuilder in = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
            in.append(line(random)).append(random.nextInt(10) == 0 ? "\r\n" : "\n");
            if (random.nextInt(15) == 0) {
                in.append(space(random)).append('\n');
            }
        }
        byte[] bytes = in.toString().getBytes(StandardCharsets.UTF_8);
        FAST.addAndGet(fastItems(bytes));
        long limit = random.nextBoolean() ? Limits.DEFAULT.maxElements() : 1 + random.nextInt(12);
        List<String> jackson = decode(bytes, bytes.length, limit, false);
        assertEquals(jackson, decode(bytes, bytes.length, limit, true), in.toString());
        if (jackson.stream().noneMatch(p -> p.contains(" syntax "))) {
            // Jackson's messages for a syntax error can depend on where its input was cut: with
            // none, any feeding gives the same parts.
            int chunk = 1 + random.nextInt(64);
            assertEquals(jackson, decode(bytes, chunk, limit, true), in + " in chunks of " + chunk);
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
        rarity = 1;
        StringBuilder in = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
            in.append(line(random).replace(" ", random.nextInt(4) == 0 ? " \r" : " ")).append('\n');
        }
        byte[] bytes = in.toString().getBytes(StandardCharsets.UTF_8);
        List<String> jackson = decode(bytes, bytes.length, Limits.DEFAULT.maxElements(), false);
        List<String> fast = decode(bytes, bytes.length, Limits.DEFAULT.maxElements(), true);
        assertEquals(withoutPositions(jackson), withoutPositions(fast), in.toString());
    }

    private static List<String> withoutPositions(List<String> parts) {
        return parts.stream().map(p -> p.replaceAll(" at [0-9]+:[0-9]+$", "").replaceAll("-:[0-9]+:[0-9]+: ", "")).toList();
    }

    /** A line longer than the scanner takes streams through Jackson: its parts are never all held at once. */
    @Test
    void aVeryLongLineGoesToJackson() {
        StringBuilder ops = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            ops.append(i == 0 ? "" : ", ").append("{\"code\": \"scale\", \"rhs\": 1.5}");
        }
        String short1 = "{\"lhs\": [[1]], \"op\": []}\n";
        String input = short1 + "{\"lhs\": [[1]], \"op\": [" + ops + "]}\n" + short1;
        assertTrue(input.length() > LineScanner.MAX_LINE);
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        assertEquals(1, fastItems(bytes), "only the last line");
        assertEquals(decode(bytes, bytes.length, Limits.DEFAULT.maxElements(), false),
                decode(bytes, bytes.length, Limits.DEFAULT.maxElements(), true));
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
        List<String> jackson = decode(bytes, bytes.length, Limits.DEFAULT.maxElements(), false);
        assertEquals(jackson, decode(bytes, bytes.length, Limits.DEFAULT.maxElements(), true));
        assertTrue(jackson.contains("step 3 1 mul [[1.0, 2.0]] bits [4607182418800017408, 4611686018427387904] at 4:59"), jackson.toString());
        assertTrue(jackson.contains("lhs 4 [[-0.0]] bits [-9223372036854775808]"), jackson.toString());
        try (ItemDecoder d = new ItemDecoder("-", Limits.DEFAULT)) {
            d.feed(bytes, 0, bytes.length);
            d.endOfInput();
            while (d.next() != null) {
                // take every part
            }
            assertEquals(4, d.fastItems(), "every item after the first");
        }
        // Every line after the first is read by the scanner.
        LineScanner scanner = new LineScanner(Limits.DEFAULT.maxElements());
        int at = lines.indexOf('\n') + 1;
        List<Part> parts = new ArrayList<>();
        for (int line = 2; at < bytes.length; line++) {
            int next = scanner.scan(bytes, at, bytes.length, line, line - 1, parts);
            assertTrue(next > at, "line " + line);
            at = next;
        }
        assertEquals(3 + 4 + 4 + 2, parts.size(), parts.toString());
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

    private static List<String> decode(byte[] bytes, int chunk, long maxElements, boolean fast) {
        List<String> out = new ArrayList<>();
        try (ItemDecoder d = new ItemDecoder("-", new Limits(maxElements))) {
            d.fastLines(fast);
            for (int i = 0; i <= bytes.length; i += chunk) {
                if (i < bytes.length) {
                    d.feed(bytes, i, Math.min(chunk, bytes.length - i));
                } else {
                    d.endOfInput();
                }
                for (Part p; (p = d.next()) != null;) {
                    out.add(summary(p));
                }
            }
            for (Part p; (p = d.next()) != null;) {
                out.add(summary(p));
            }
        }
        return out;
    }

    private static String summary(Part p) {
        if (p instanceof Part.Lhs l) {
            return "lhs " + l.item() + " " + summary(l.matrix());
        }
        if (p instanceof Part.Step s) {
            return "step " + s.item() + " " + s.index() + " " + s.op().code().code() + " " + summary(s.op().rhs())
                    + " at " + s.line() + ":" + s.column();
        }
        if (p instanceof Part.End e) {
            return "end " + e.item();
        }
        Part.Failure f = (Part.Failure) p;
        return "failure " + f.error().type().id() + " " + f.error().describe();
    }

    private static String summary(Operand o) {
        if (o instanceof Matrix m) {
            List<Long> bits = new ArrayList<>();
            for (double v : m.data()) {
                bits.add(Double.doubleToRawLongBits(v));
            }
            return java.util.Arrays.deepToString(m.toRows()) + " bits " + bits;
        }
        return String.valueOf(o);
    }

    private static String line(Random random) {
        StringBuilder sb = new StringBuilder();
        sb.append(space(random)).append('{').append(space(random));
        String lhs = key(random, "lhs") + ":" + space(random) + matrix(random);
        String ops = key(random, "op") + ":" + space(random) + ops(random);
        if (rare(random, 12)) {
            sb.append(ops).append(',').append(space(random)).append(lhs);
        } else if (rare(random, 30)) {
            sb.append(lhs);
        } else {
            sb.append(lhs).append(space(random)).append(',').append(space(random)).append(ops);
            if (rare(random, 30)) {
                sb.append(", \"extra\": 1");
            }
        }
        sb.append(space(random)).append('}').append(space(random));
        if (rare(random, 40)) {
            sb.setLength(sb.length() / 2);
        }
        if (rare(random, 40)) {
            sb.append(" {\"lhs\": [[1]], \"op\": []}");
        }
        return sb.toString();
    }

    private static String key(Random random, String name) {
        return rare(random, 40) ? "\"" + name + " \"" : "\"" + name + "\"";
    }

    private static String ops(Random random) {
        StringBuilder sb = new StringBuilder("[").append(space(random));
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            if (i > 0) {
                sb.append(space(random)).append(',').append(space(random));
            }
            int rhs = random.nextInt(3);
            String code = rare(random, 4) ? CODES[random.nextInt(CODES.length)] : new String[] {"transpose", "add", "scale"}[rhs];
            sb.append("{").append(space(random)).append("\"code\":").append(space(random)).append('"').append(code).append('"');
            if (rhs == 1) {
                sb.append(",").append(space(random)).append("\"rhs\":").append(space(random)).append(matrix(random));
            } else if (rhs == 2) {
                sb.append(", \"rhs\": ").append(number(random));
            }
            sb.append(space(random)).append('}');
        }
        return sb.append(space(random)).append(']').toString();
    }

    private static String matrix(Random random) {
        int rows = 1 + random.nextInt(3);
        int cols = 1 + random.nextInt(3);
        if (random.nextInt(4) == 0) {
            StringBuilder d = new StringBuilder("{").append(space(random)).append("\"d\":").append(space(random)).append('[');
            for (int i = 0; i < rows * cols; i++) {
                d.append(i > 0 ? "," + space(random) : "").append(number(random));
            }
            String n = rare(random, 6) ? new String[] {"0", "-1", "2.0", "02", "99999999999", "\"2\""}[random.nextInt(6)]
                    : Integer.toString(cols);
            return d.append("],").append(space(random)).append("\"n\":").append(space(random)).append(n).append('}').toString();
        }
        StringBuilder m = new StringBuilder("[");
        for (int r = 0; r < rows; r++) {
            m.append(r > 0 ? "," + space(random) : "").append('[');
            int c = rare(random, 25) ? random.nextInt(cols + 2) : cols;
            for (int j = 0; j < c; j++) {
                m.append(j > 0 ? "," + space(random) : "").append(number(random));
            }
            m.append(']');
        }
        return m.append(']').toString();
    }

    private static String number(Random random) {
        if (rare(random, 5)) {
            return NUMBERS[random.nextInt(NUMBERS.length)];
        }
        double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(8));
        // 12 decimals as bench writes them: up to 15 significant digits go the fast way, more do not.
        return random.nextBoolean() ? Long.toString(Math.round(v))
                : String.format(java.util.Locale.ROOT, rare(random, 3) ? "%.12f" : "%.8f", v);
    }

    private static int rarity = 1;

    /** An oddity, one time in {@code n} (times the rarity). */
    private static boolean rare(Random random, int n) {
        return random.nextInt(n * rarity) == 0;
    }

    private static String space(Random random) {
        return SPACE[random.nextInt(SPACE.length)];
    }
}

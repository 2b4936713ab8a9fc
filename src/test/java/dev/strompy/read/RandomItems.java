package dev.strompy.read;

import dev.strompy.eval.Matrix;
import dev.strompy.eval.Operand;
import dev.strompy.eval.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random sequences of items for the reader's tests: mostly the usual shape, with odd numbers,
 * codes, key orders, packed matrices, ragged rows, spaces and cut lines; and decoding them into
 * comparable text, part by part.
 */
final class RandomItems {
    static final String[] NUMBERS = {
        "0", "-0", "1", "-1", "14", "0.5", "-0.0", "0.1", "52.754923795323", "-99.612749538472",
        "123456789012345", "1234567890123456", "123456789012345678", "9007199254740993",
        "0.000000000000000000001", "0.0000000000000000000000001", "1.0000000000000002", "1e5", "1E-3",
        "-2.5e+3", "1e400", "01", "-", "1.", ".5", "+1", "0x10", "1.5.3", "999999999999999.9", "NaN",
        "\"1\"", "true", "null", "--1", "-.5", "-01", "1-2", "-00.5",
    };
    static final String[] CODES = {
        "transpose", "neg", "norm", "sum", "trace", "determinant", "scale", "add", "mul", "dot", "pow",
        "mull", "\\u0074ranspose", "m\u00fcl", "", "rank", "pseudo_inverse",
    };
    static final String[] SPACE = {"", "", "", " ", "  ", "\t", " "};

    private RandomItems() {
    }

    /** A sequence of lines, with CRLF and blank lines now and then; {@code rarity} 1 is the oddest. */
    static String input(Random random, int rarity) {
        RandomItems.rarity = rarity;
        if (random.nextInt(4) == 0) {
            return array(random);
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
            in.append(line(random)).append(random.nextInt(10) == 0 ? "\r\n" : "\n");
            if (random.nextInt(15) == 0) {
                in.append(space(random)).append('\n');
            }
        }
        return in.toString();
    }

    /** An array of items, one on each line, now and then a comma too many or too few. */
    static String array(Random random) {
        StringBuilder in = new StringBuilder(rare(random, 10) ? "  [" : "[").append(random.nextBoolean() ? "\n" : "\r\n");
        for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
            in.append(line(random));
            boolean last = i == n - 1;
            if (last ? rare(random, 20) : !rare(random, 40)) {
                in.append(',');
            }
            in.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
            if (random.nextInt(15) == 0) {
                in.append(space(random)).append('\n');
            }
        }
        return in.append("]\n").toString();
    }

    static List<String> decode(byte[] bytes, int chunk, long maxElements, boolean fast) {
        return decode(bytes, chunk, new Reading(maxElements, Reading.MAX_FRAME, fast));
    }

    /** The parts {@code reading} gives for {@code bytes} fed in chunks of {@code chunk}, summarised. */
    static List<String> decode(byte[] bytes, int chunk, Reading reading) {
        List<String> out = new ArrayList<>();
        if (chunk < 1) {
            chunk = Math.max(1, bytes.length);
        }
        for (Part p : Reading.parts(bytes, chunk, reading)) {
            out.add(summary(p));
        }
        return out;
    }

    static String summary(Part p) {
        if (p instanceof Part.Lhs l) {
            return "lhs " + summary(l.matrix());
        }
        if (p instanceof Part.Step s) {
            return "step " + s.index() + " " + s.op().code().code() + " " + summary(s.op().rhs())
                    + " at " + s.line() + ":" + s.column();
        }
        if (p instanceof Part.End) {
            return "end";
        }
        Part.Failure f = (Part.Failure) p;
        return "failure " + f.error().type().id() + " " + f.error().atSource("-").describe();
    }

    static String summary(Operand o) {
        if (o instanceof Matrix m) {
            List<Long> bits = new ArrayList<>();
            for (double v : m.data()) {
                bits.add(Double.doubleToRawLongBits(v));
            }
            return java.util.Arrays.deepToString(m.toRows()) + " bits " + bits;
        }
        return String.valueOf(o);
    }

    static String line(Random random) {
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

    static int rarity = 1;

    /** An oddity, one time in {@code n} (times the rarity). */
    private static boolean rare(Random random, int n) {
        return random.nextInt(n * rarity) == 0;
    }

    static String space(Random random) {
        return SPACE[random.nextInt(SPACE.length)];
    }
}

package dev.strompy.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Random work items for the Spark tests: most good, about one in 40 failing as an item. */
final class WorkItems {
    private static final String[] UNARY = {"transpose", "neg", "abs", "norm", "sum", "max", "row_sum", "column_mean"};

    private WorkItems() {
    }

    /**
     * {@code n} items, one per line: about one in 40 fails as an item (an unknown op, a shape
     * mismatch, an overflow, a singular matrix, an lhs that is not a matrix).
     */
    static List<String> items(Random random, int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(item(random));
        }
        return lines;
    }

    /**
     * NDJSON as people and programs get it wrong: the items above, with lines cut short, an
     * item over two lines, CRLF line ends, blank lines and lines that are not JSON among them.
     */
    static String untidy(Random random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String item = item(random);
            switch (random.nextInt(60)) {
                case 0 -> sb.append(item, 0, item.length() / 2).append('\n');
                case 1 -> sb.append(item.replace(", \"op\"", ",\n \"op\"")).append('\n');
                case 2 -> sb.append(item).append("\r\n");
                case 3 -> sb.append("\n").append(item).append('\n');
                case 4 -> sb.append("not json\n");
                default -> sb.append(item).append('\n');
            }
        }
        return sb.toString();
    }

    /** One JSON array of {@code n} items, one per line. */
    static String array(Random random, int n) {
        return "[\n" + String.join(",\n", items(random, n)) + "\n]\n";
    }

    private static String item(Random random) {
        int r = 1 + random.nextInt(4);
        int c = 1 + random.nextInt(4);
        String lhs = matrix(random, r, c);
        String op = switch (random.nextInt(6)) {
            case 0 -> "{\"code\": \"mul\", \"rhs\": " + matrix(random, c, 1 + random.nextInt(3)) + "}";
            case 1 -> "{\"code\": \"add\", \"rhs\": " + matrix(random, r, c) + "}";
            case 2 -> "{\"code\": \"scale\", \"rhs\": " + random.nextInt(10) + "}";
            default -> "{\"code\": \"" + UNARY[random.nextInt(UNARY.length)] + "\"}";
        };
        if (random.nextInt(40) == 0) {
            switch (random.nextInt(5)) {
                case 0 -> op = "{\"code\": \"mull\"}";
                case 1 -> op = "{\"code\": \"add\", \"rhs\": " + matrix(random, r + 1, c) + "}";
                case 2 -> op = "{\"code\": \"scale\", \"rhs\": 1e308}, {\"code\": \"scale\", \"rhs\": 1e308}";
                case 3 -> {
                    lhs = "[[1, 2], [2, 4]]";
                    op = "{\"code\": \"try_inverse\"}";
                }
                default -> lhs = "\"a matrix\"";
            }
        }
        return "{\"lhs\": " + lhs + ", \"op\": [" + op + "]}";
    }

    private static String matrix(Random random, int rows, int columns) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < columns; j++) {
                sb.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", random.nextGaussian() * 10));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}

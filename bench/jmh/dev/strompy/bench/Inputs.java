package dev.strompy.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Seeded inputs shaped like bench/gen.py's: half integers in [-1000, 1000], half 12-decimal doubles. */
final class Inputs {
    private Inputs() {
    }

    static String number(Random rnd) {
        return rnd.nextBoolean() ? Integer.toString(rnd.nextInt(2001) - 1000)
                : String.format(java.util.Locale.ROOT, "%.12f", rnd.nextDouble() * 200 - 100);
    }

    static String matrix(Random rnd, int rows, int cols) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rows; i++) {
            sb.append(i > 0 ? ",[" : "[");
            for (int j = 0; j < cols; j++) {
                sb.append(j > 0 ? "," : "").append(number(rnd));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    /** About {@code bytes} of NDJSON dot items with shapes up to 6x6. */
    static byte[] dotItems(int bytes) {
        Random rnd = new Random(1);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < bytes) {
            int r = 1 + rnd.nextInt(6);
            int c = 1 + rnd.nextInt(6);
            sb.append("{\"lhs\":").append(matrix(rnd, r, c)).append(",\"op\":[{\"code\":\"dot\",\"rhs\":")
                    .append(matrix(rnd, r, c)).append("}]}\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static double[] values(int n, long seed) {
        Random rnd = new Random(seed);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Double.parseDouble(number(rnd));
        }
        return d;
    }
}

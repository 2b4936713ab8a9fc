package dev.strompy.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.io.NumberOutput;

/**
 * strompy's shortest-double writer gives jackson-core's text (its Schubfach port, the format of
 * {@code Double.toString} from Java 19 on), byte for byte: on every kind of double, edge cases
 * and random bit patterns, powers of two (where the rounding interval is lopsided), subnormals,
 * short decimals, and the plain/scientific boundaries.
 */
class ShortestTest {
    private static final double[] EDGES = {0.0, -0.0, 1.0, -1.0, 0.1, 0.1 + 0.2, 1e23, 2e23, 1e22, 1e21, 1e7, 9999999.0,
        9999999.999999998, 1e-3, 0.001, 0.0009999999999999998, 1e-4, 1.0E-5, 0.95, 123456.789, 1e15, 1e16, 1e17,
        Double.MIN_VALUE, 2 * Double.MIN_VALUE, 3 * Double.MIN_VALUE, 1e-323, Double.MIN_NORMAL,
        Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, Math.nextDown(Double.MAX_VALUE), 9007199254740993.0,
        4.35, 2.675, 100.0, 1.0E7, 9999999.0, 1234567.5, 0.001, 0.00123, 1.0E-4, 5e-324, 1.7976931348623157E308, -2.2250738585072014E-308};

    @Test
    void edgeCasesAreJacksons() {
        for (double d : EDGES) {
            assertSame(d);
        }
    }

    @Test
    void randomDoublesAreJacksons() {
        Random random = new Random(2026);
        for (int i = 0; i < 1_000_000; i++) {
            double d;
            switch (i % 5) {
                case 0 -> d = Double.longBitsToDouble(random.nextLong());
                case 1 -> d = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(44) - 22);
                case 2 -> d = Math.scalb(random.nextBoolean() ? 1.0 : -1.0, random.nextInt(2098) - 1074);
                case 3 -> d = Math.round(random.nextDouble() * 1e9) / Math.pow(10, random.nextInt(12));
                default -> d = Double.longBitsToDouble(random.nextLong() & 0x000F_FFFF_FFFF_FFFFL);
            }
            if (Double.isFinite(d)) {
                assertSame(d);
            }
        }
    }

    private static void assertSame(double d) {
        byte[] buf = new byte[Shortest.MAX_LENGTH + 3];
        java.util.Arrays.fill(buf, (byte) '#');
        buf[0] = 'x';
        int end = Shortest.write(d, buf, 1);
        assertEquals("x" + NumberOutput.toString(d, true), new String(buf, 0, end, StandardCharsets.ISO_8859_1),
                "bits " + Long.toHexString(Double.doubleToRawLongBits(d)));
        assertEquals("##", new String(buf, 1 + Shortest.MAX_LENGTH, 2, StandardCharsets.ISO_8859_1),
                "no byte written past MAX_LENGTH");
    }
}

package dev.strompy.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalsTest {
    private static double fast(String s) {
        return Decimals.exactDecimal(s.toCharArray(), 0, s.length());
    }

    private static void assertSameDouble(String literal) {
        double got = fast(literal);
        if (got == got) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(literal)), Double.doubleToRawLongBits(got), literal);
        }
    }

    @Test
    void theFastPathGivesTheCorrectlyRoundedDouble() {
        Random random = new Random(11);
        int handled = 0;
        for (int i = 0; i < 300_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (random.nextBoolean()) {
                sb.append('-');
            }
            int whole = random.nextInt(8);
            sb.append(whole == 0 ? "0" : Long.toString(1 + (long) (random.nextDouble() * Math.pow(10, whole))));
            int fraction = random.nextInt(24);
            if (fraction > 0) {
                sb.append('.');
                for (int f = 0; f < fraction; f++) {
                    sb.append((char) ('0' + random.nextInt(10)));
                }
            }
            String literal = sb.toString();
            assertSameDouble(literal);
            if (fast(literal) == fast(literal)) {
                handled++;
            }
        }
        assertTrue(handled > 100_000, "most short literals take the fast path: " + handled);
    }

    @Test
    void edgeCases() {
        for (String s : new String[] {"0", "-0", "0.0", "-0.0", "1", "999999999999999", "0.1", "0.30000000000000004",
            "123.456789012345", "0.0000000000000000000001", "-99.999999999999", "9007199254740993"}) {
            assertSameDouble(s);
        }
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(fast("-0")));
        assertTrue(Double.isNaN(fast("1e5")), "exponents go the general way");
        assertTrue(Double.isNaN(fast("1234567890123456")), "16 significant digits go the general way");
        assertTrue(Double.isNaN(fast("0.00000000000000000000001")), "more than 22 fraction digits go the general way");
    }
}

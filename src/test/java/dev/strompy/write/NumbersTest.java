package dev.strompy.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void integralValuesKeepAPointZero() {
        assertEquals("1586.0", Numbers.shortest(1586));
        assertEquals("-0.0", Numbers.shortest(-0.0));
        assertEquals("0.0", Numbers.shortest(0.0));
    }

    @Test
    void textIsTheShortestThatRoundTrips() {
        // Java 17's Double.toString gives 9.999999999999999E22 and 1.9999999999999998E23 here.
        assertEquals("1.0E23", Numbers.shortest(1e23));
        assertEquals("2.0E23", Numbers.shortest(2e23));
        assertEquals("0.30000000000000004", Numbers.shortest(0.1 + 0.2));
        assertEquals("4.9E-324", Numbers.shortest(Double.MIN_VALUE));
    }

    @Test
    void everyFiniteDoubleRoundTripsExactly() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            String text = Numbers.shortest(d);
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(Double.parseDouble(text)), text);
            assertTrue(text.length() <= 24, text);
        }
    }
}

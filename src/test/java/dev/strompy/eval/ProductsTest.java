package dev.strompy.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.mult.MatrixMatrixMult_DDRM;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

class ProductsTest {
    private static final double[] SPECIAL = {
        0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e-300, 3.0e300, 0.1, 1.0 / 3,
    };

    /**
     * The product strompy computes itself has every bit of EJML's: random shapes (rows not a
     * multiple of four, one inner dimension), random values with zeros of both signs,
     * infinities, NaN, subnormals and overflowing products among them.
     */
    @RepeatedTest(300)
    void theOwnProductIsEjmlsBitForBit(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int n = 4 + random.nextInt(37);
        int m = 1 + random.nextInt(40);
        int p = 15 + random.nextInt(60);
        int special = random.nextInt(4);
        DMatrixRMaj a = matrix(random, n, m, special);
        DMatrixRMaj b = matrix(random, m, p, special);
        DMatrixRMaj expected = new DMatrixRMaj(n, p);
        MatrixMatrixMult_DDRM.mult_reorder(a, b, expected);
        DMatrixRMaj got = new DMatrixRMaj(n, p);
        Products.multiply(a, b, got);
        for (int i = 0; i < expected.data.length; i++) {
            assertEquals(Double.doubleToLongBits(expected.data[i]), Double.doubleToLongBits(got.data[i]),
                    () -> n + "x" + m + " · " + m + "x" + p + ": " + expected + " but " + got);
        }
    }

    private static DMatrixRMaj matrix(Random random, int rows, int cols, int special) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = special > 0 && random.nextInt(8 * special) == 0
                    ? SPECIAL[random.nextInt(SPECIAL.length)]
                    : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(9) - 4);
        }
        return m;
    }
}

package dev.strompy.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Large but finite input: a wrong answer or runaway work is a bug. The time limits are hang
 * detectors (these took a minute and more), not benchmarks.
 */
class OverflowTest {
    private static final Duration HANG = Duration.ofSeconds(10);
    private final Evaluator evaluator = new Evaluator(10_000_000);

    private static Matrix m(double[]... rows) {
        return Matrices.of(rows);
    }

    @Test
    void expOfColumnsWhoseSumOverflowsIsANumericErrorAtOnce() {
        StrompyError e = assertTimeoutPreemptively(HANG, () -> assertThrows(StrompyError.class,
                () -> evaluator.apply(m(new double[] {1e308, 0}, new double[] {1e308, 0}), new Op(OpCode.EXP, null))));
        assertEquals(ErrorType.NUMERIC, e.type());
    }

    @Test
    void expOfLargeRandomMatricesEndsQuickly() {
        Random random = new Random(9);
        assertTimeoutPreemptively(HANG, () -> {
            for (int i = 0; i < 50; i++) {
                int n = 1 + random.nextInt(10);
                double[][] rows = new double[n][n];
                for (double[] row : rows) {
                    for (int j = 0; j < n; j++) {
                        row[j] = (random.nextDouble() - 0.5) * Math.pow(10, 300 + random.nextInt(9));
                    }
                }
                try {
                    Matrix r = evaluator.apply(m(rows), new Op(OpCode.EXP, null));
                    for (double v : r.data()) {
                        assertTrue(Double.isFinite(v));
                    }
                } catch (StrompyError e) {
                    assertEquals(ErrorType.NUMERIC, e.type(), e.detail());
                }
            }
        });
    }

    @Test
    void powStopsAtTheFirstNonFiniteValue() {
        double[][] rows = new double[200][200];
        for (double[] row : rows) {
            java.util.Arrays.fill(row, 1e10);
        }
        StrompyError e = assertTimeoutPreemptively(HANG, () -> assertThrows(StrompyError.class,
                () -> evaluator.apply(m(rows), new Op(OpCode.POW, new Scalar(Integer.MAX_VALUE)))));
        assertEquals(ErrorType.NUMERIC, e.type());
    }

    @Test
    void anExponentAbove2To31Minus1SaysSo() {
        StrompyError e = assertThrows(StrompyError.class, () -> new Op(OpCode.POW, new Scalar(2147483648.0)));
        assertEquals(ErrorType.OP, e.type());
        assertEquals("pow: 2147483648 is above the largest exponent, 2^31-1 (2147483647)", e.detail());
    }

    @Test
    void theDefaultToleranceDoesNotOverflow() {
        // numpy.linalg.matrix_rank([[9e307, 1]]) is 1; pinv is [[1/9e307], [~0]].
        Matrix a = m(new double[] {9e307, 1});
        assertEquals(1.0, evaluator.apply(a, new Op(OpCode.RANK, null)).data()[0]);
        Matrix pinv = evaluator.apply(a, new Op(OpCode.PSEUDO_INVERSE, null));
        assertEquals(1 / 9e307, pinv.data()[0], 1e-320);
    }
}

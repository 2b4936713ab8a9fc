package dev.strompy.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Algebraic properties over random matrices, many seeds each. */
class PropertiesTest {
    private final Evaluator evaluator = new Evaluator(10_000_000);

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    private static Matrix random(Random rnd, int rows, int cols) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextDouble() * 20 - 10;
        }
        return new Matrix(rows, cols, d);
    }

    /** Random plus a dominant diagonal: comfortably invertible. */
    private static Matrix invertible(Random rnd, int n) {
        Matrix m = random(rnd, n, n);
        for (int i = 0; i < n; i++) {
            m.data()[i * n + i] += 30 * (rnd.nextBoolean() ? 1 : -1);
        }
        return m;
    }

    private Matrix apply(Matrix a, OpCode code, Operand rhs) {
        return evaluator.apply(a, new Op(code, rhs));
    }

    private static double value(Matrix m) {
        assertEquals("1x1", m.shape());
        return m.get(0, 0);
    }

    private static void assertClose(Matrix want, Matrix got, double tolerance) {
        assertEquals(want.shape(), got.shape());
        for (int i = 0; i < want.data().length; i++) {
            assertEquals(want.data()[i], got.data()[i], tolerance, "entry " + i + " of " + got);
        }
    }

    private static Matrix identity(int n) {
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            d[i * n + i] = 1;
        }
        return new Matrix(n, n, d);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void transposeTwiceIsTheIdentity(long seed) {
        Random rnd = new Random(seed);
        Matrix a = random(rnd, 1 + rnd.nextInt(7), 1 + rnd.nextInt(7));
        assertEquals(a, apply(apply(a, OpCode.TRANSPOSE, null), OpCode.TRANSPOSE, null));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aMatrixTimesItsInverseIsTheIdentity(long seed) {
        Random rnd = new Random(seed);
        int n = 1 + rnd.nextInt(8);
        Matrix a = invertible(rnd, n);
        assertClose(identity(n), apply(a, OpCode.MUL, apply(a, OpCode.TRY_INVERSE, null)), 1e-12);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void determinantOfAProductIsTheProductOfDeterminants(long seed) {
        Random rnd = new Random(seed);
        int n = 1 + rnd.nextInt(6);
        Matrix a = random(rnd, n, n);
        Matrix b = random(rnd, n, n);
        double product = value(apply(a, OpCode.DETERMINANT, null)) * value(apply(b, OpCode.DETERMINANT, null));
        double det = value(apply(apply(a, OpCode.MUL, b), OpCode.DETERMINANT, null));
        assertEquals(product, det, 1e-9 * Math.max(1, Math.abs(product)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void solveThenMulGivesTheRhsBack(long seed) {
        Random rnd = new Random(seed);
        int n = 1 + rnd.nextInt(8);
        Matrix a = invertible(rnd, n);
        Matrix b = random(rnd, n, 1 + rnd.nextInt(4));
        assertClose(b, apply(a, OpCode.MUL, apply(a, OpCode.SOLVE, b)), 1e-10);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void singularValuesOfAnOrthogonalMatrixAreAllOne(long seed) {
        Random rnd = new Random(seed);
        int n = 1 + rnd.nextInt(8);
        // A product of Householder reflections I - 2vvᵀ/vᵀv is orthogonal.
        Matrix q = identity(n);
        for (int k = 0; k < 3; k++) {
            Matrix v = random(rnd, n, 1);
            double vv = value(apply(v, OpCode.NORM_SQUARED, null));
            Matrix reflection = apply(identity(n), OpCode.SUB,
                    apply(apply(v, OpCode.MUL, apply(v, OpCode.TRANSPOSE, null)), OpCode.SCALE, new Scalar(2 / vv)));
            q = apply(q, OpCode.MUL, reflection);
        }
        Matrix sigma = apply(q, OpCode.SINGULAR_VALUES, null);
        assertEquals(n + "x1", sigma.shape());
        for (double s : sigma.data()) {
            assertEquals(1, s, 1e-12);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void choleskyFactorRebuildsItsMatrix(long seed) {
        Random rnd = new Random(seed);
        int n = 1 + rnd.nextInt(7);
        Matrix m = random(rnd, n, n);
        Matrix spd = apply(apply(m, OpCode.MUL, apply(m, OpCode.TRANSPOSE, null)), OpCode.ADD, identity(n));
        Matrix l = apply(spd, OpCode.CHOLESKY, null);
        assertClose(spd, apply(l, OpCode.MUL, apply(l, OpCode.TRANSPOSE, null)), 1e-9);
        assertEquals(l, apply(l, OpCode.LOWER_TRIANGLE, null));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void expOfASumOfCommutingMatricesIsTheProduct(long seed) {
        Random rnd = new Random(seed);
        int n = 1 + rnd.nextInt(5);
        Matrix a = random(rnd, n, n);
        // A and 2A commute, so exp(3A) = exp(A)·exp(2A).
        Matrix e1 = apply(a, OpCode.EXP, null);
        Matrix e2 = apply(apply(a, OpCode.SCALE, new Scalar(2)), OpCode.EXP, null);
        Matrix e3 = apply(apply(a, OpCode.SCALE, new Scalar(3)), OpCode.EXP, null);
        double scale = Math.max(1, value(apply(e3, OpCode.AMAX, null)));
        assertClose(e3, apply(e1, OpCode.MUL, e2), 1e-9 * scale);
        assertTrue(scale > 0);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void pseudoInverseOfAnInvertibleMatrixIsItsInverse(long seed) {
        Random rnd = new Random(seed);
        int n = 1 + rnd.nextInt(6);
        Matrix a = invertible(rnd, n);
        assertClose(apply(a, OpCode.TRY_INVERSE, null), apply(a, OpCode.PSEUDO_INVERSE, null), 1e-12);
        assertEquals(n, value(apply(a, OpCode.RANK, null)));
    }
}

package dev.strompy.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import org.junit.jupiter.api.Test;

/** The places where EJML's own signals would mislead, and nalgebra's meanings that differ from EJML's names. */
class CatalogueTest {
    private final Evaluator evaluator = new Evaluator(10_000_000);

    private static Matrix m(double[]... rows) {
        return Matrices.of(rows);
    }

    private static double[] r(double... v) {
        return v;
    }

    private Matrix apply(Matrix a, OpCode code, Operand rhs) {
        return evaluator.apply(a, new Op(code, rhs));
    }

    private StrompyError failure(Matrix a, OpCode code, Operand rhs) {
        return assertThrows(StrompyError.class, () -> apply(a, code, rhs));
    }

    @Test
    void inverseOfASmallSingularMatrixIsANumericError() {
        // EJML's invert reports success on singular input up to 5x5.
        StrompyError e = failure(m(r(1, 2), r(2, 4)), OpCode.TRY_INVERSE, null);
        assertEquals(ErrorType.NUMERIC, e.type());
        assertEquals("singular matrix (zero pivot in column 1)", e.detail());
        assertEquals(ErrorType.NUMERIC, failure(m(r(0)), OpCode.TRY_INVERSE, null).type());
    }

    @Test
    void solveRefusesANonSquareMatrixInsteadOfLeastSquares() {
        StrompyError e = failure(m(r(1, 2), r(3, 4), r(5, 6)), OpCode.SOLVE, m(r(1), r(2), r(3)));
        assertEquals(ErrorType.SHAPE, e.type());
        assertEquals("needs a square matrix, got 3x2", e.detail());
        assertEquals("shape mismatch: 2x2 \\ 3x1", failure(m(r(1, 0), r(0, 1)), OpCode.SOLVE, m(r(1), r(2), r(3))).detail());
        assertEquals(ErrorType.NUMERIC, failure(m(r(1, 2), r(1, 2)), OpCode.SOLVE, m(r(1), r(2))).type());
    }

    @Test
    void rowAndColumnSumsUseNalgebrasMeaning() {
        Matrix a = m(r(1, 2, 3), r(4, 5, 6));
        assertEquals(m(r(5, 7, 9)), apply(a, OpCode.ROW_SUM, null));
        assertEquals(m(r(6), r(15)), apply(a, OpCode.COLUMN_SUM, null));
        assertEquals(m(r(2.5, 3.5, 4.5)), apply(a, OpCode.ROW_MEAN, null));
        assertEquals(m(r(2), r(5)), apply(a, OpCode.COLUMN_MEAN, null));
    }

    @Test
    void singularValuesDescendAndEigenvaluesAscend() {
        assertArrayEquals(new double[] {3, 2, 1}, apply(m(r(1, 0, 0), r(0, 3, 0), r(0, 0, 2)), OpCode.SINGULAR_VALUES, null).data(), 1e-12);
        assertArrayEquals(new double[] {-3, 1, 2}, apply(m(r(1, 0, 0), r(0, -3, 0), r(0, 0, 2)), OpCode.SYMMETRIC_EIGENVALUES, null).data(), 1e-12);
        assertEquals("2x1", apply(m(r(1, 2, 3), r(4, 5, 6)), OpCode.SINGULAR_VALUES, null).shape());
    }

    @Test
    void choleskyAndEigenvaluesReadOnlyTheLowerTriangle() {
        Matrix lowerOnly = m(r(4, 999), r(2, 5));
        assertEquals(m(r(2, 0), r(1, 2)), apply(lowerOnly, OpCode.CHOLESKY, null));
        assertArrayEquals(new double[] {(9 - Math.sqrt(5)) / 2, (9 + Math.sqrt(5)) / 2},
                apply(m(r(4, -77), r(1, 5)), OpCode.SYMMETRIC_EIGENVALUES, null).data(), 1e-12);
        StrompyError e = failure(m(r(1, 0), r(2, 1)), OpCode.CHOLESKY, null);
        assertEquals("matrix is not positive definite", e.detail());
    }

    @Test
    void determinantOfASingularMatrixIsZeroNotAnError() {
        assertEquals(Matrix.scalar(0), apply(m(r(1, 2), r(2, 4)), OpCode.DETERMINANT, null));
        assertEquals(Matrix.scalar(-2), apply(m(r(1, 2), r(3, 4)), OpCode.DETERMINANT, null));
    }

    @Test
    void rankAndPseudoInverseTakeAnOptionalAbsoluteTolerance() {
        Matrix a = m(r(1, 0), r(0, 1e-3));
        assertEquals(Matrix.scalar(2), apply(a, OpCode.RANK, null));
        assertEquals(Matrix.scalar(1), apply(a, OpCode.RANK, new Scalar(0.01)));
        assertEquals(m(r(1, 0), r(0, 0)), apply(a, OpCode.PSEUDO_INVERSE, new Scalar(0.01)));
        assertEquals(Matrix.scalar(0), apply(m(r(0, 0)), OpCode.RANK, null));
        assertEquals(m(r(0), r(0)), apply(m(r(0, 0)), OpCode.PSEUDO_INVERSE, null));
    }

    @Test
    void powAndExpOfSmallCases() {
        Matrix a = m(r(1, 1), r(0, 1));
        assertEquals(m(r(1, 0), r(0, 1)), apply(a, OpCode.POW, new Scalar(0)));
        assertEquals(m(r(1, 5), r(0, 1)), apply(a, OpCode.POW, new Scalar(5)));
        assertEquals(Math.E, apply(m(r(1)), OpCode.EXP, null).get(0, 0), 1e-15);
        assertEquals(m(r(1, 0), r(0, 1)), apply(m(r(0, 0), r(0, 0)), OpCode.EXP, null));
        assertEquals("pow needs an integer ≥ 0 as rhs, got 1.5",
                assertThrows(StrompyError.class, () -> new Op(OpCode.POW, new Scalar(1.5))).detail());
        assertEquals("lp_norm needs an integer ≥ 1 as rhs, got 0.0",
                assertThrows(StrompyError.class, () -> new Op(OpCode.LP_NORM, new Scalar(0))).detail());
    }

    @Test
    void lpNormDoesNotOverflowForLargeP() {
        assertEquals(1e200, apply(m(r(1e200, 1)), OpCode.LP_NORM, new Scalar(4)).get(0, 0), 1e186);
        assertEquals(7, apply(m(r(3, -4)), OpCode.LP_NORM, new Scalar(1)).get(0, 0));
        assertEquals(5, apply(m(r(3, -4)), OpCode.LP_NORM, new Scalar(2)).get(0, 0), 1e-15);
    }

    @Test
    void crossNeedsTwoVectorsOfTheSameOrientation() {
        assertEquals(m(r(0), r(0), r(1)), apply(m(r(1), r(0), r(0)), OpCode.CROSS, m(r(0), r(1), r(0))));
        assertEquals(m(r(0, 0, 1)), apply(m(r(1, 0, 0)), OpCode.CROSS, m(r(0, 1, 0))));
        assertEquals("cross needs two 3x1 or two 1x3 matrices, got 3x1 × 1x3",
                failure(m(r(1), r(0), r(0)), OpCode.CROSS, m(r(0, 1, 0))).detail());
    }

    @Test
    void kroneckerResultIsCheckedAgainstTheLimit() {
        Evaluator small = new Evaluator(50);
        Matrix a = new Matrix(5, 5, new double[25]);
        assertEquals(ErrorType.LIMIT,
                assertThrows(StrompyError.class, () -> small.apply(a, new Op(OpCode.KRONECKER, a))).type());
    }

    @Test
    void normalizingZeroAndDividingByZeroAreNumericErrors() {
        assertEquals("cannot normalize a zero matrix", failure(m(r(0, 0)), OpCode.NORMALIZE, null).detail());
        assertEquals(ErrorType.NUMERIC, failure(m(r(1, 2)), OpCode.COMPONENT_DIV, m(r(1, 0))).type());
        assertEquals(ErrorType.NUMERIC, failure(m(r(1, 2)), OpCode.UNSCALE, new Scalar(0)).type());
    }

    @Test
    void suggestionsCoverTheWholeCatalogue() {
        assertEquals("unknown op \"component_mull\"; did you mean \"component_mul\"?",
                assertThrows(StrompyError.class, () -> OpCode.lookup("component_mull")).detail());
        assertEquals("unknown op \"frobnicate\"; see strompy --list-ops",
                assertThrows(StrompyError.class, () -> OpCode.lookup("frobnicate")).detail());
        // What numpy, scipy and EJML call them: the names people type.
        for (String[] name : new String[][] {{"inverse", "try_inverse"}, {"det", "determinant"}, {"matmul", "mul"},
            {"T", "transpose"}, {"pinv", "pseudo_inverse"}, {"expm", "exp"}, {"kron", "kronecker"}}) {
            assertEquals("unknown op \"" + name[0] + "\"; did you mean \"" + name[1] + "\"?",
                    assertThrows(StrompyError.class, () -> OpCode.lookup(name[0])).detail());
        }
        assertEquals(50, OpCode.values().length);
    }
}

package dev.strompy.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private final Evaluator evaluator = new Evaluator(10_000_000);

    private static Matrix m(double[]... rows) {
        return Matrices.of(rows);
    }

    private static double[] r(double... v) {
        return v;
    }

    private Matrix apply(Matrix lhs, OpCode code, Operand rhs) {
        return evaluator.apply(lhs, new Op(code, rhs));
    }

    @Test
    void dotSumsElementwiseProductsOfSameShapedMatrices() {
        Matrix a = m(r(1, 2, 3), r(4, 5, 6));
        Matrix b = m(r(7, 8, 9), r(10, 11, 12));
        assertEquals(Matrix.scalar(1 * 7 + 2 * 8 + 3 * 9 + 4 * 10 + 5 * 11 + 6 * 12), apply(a, OpCode.DOT, b));
    }

    @Test
    void dotRefusesDifferentShapesEvenWithEqualElementCounts() {
        StrompyError e = assertThrows(StrompyError.class,
                () -> apply(m(r(1, 2, 3), r(4, 5, 6)), OpCode.DOT, m(r(1, 2), r(3, 4), r(5, 6))));
        assertEquals(ErrorType.SHAPE, e.type());
        assertEquals("shape mismatch: 2x3 · 3x2", e.detail());
    }

    @Test
    void mulIsTheMatrixProduct() {
        Matrix a = m(r(1, 2), r(3, 4), r(5, 6));
        Matrix b = m(r(1, 0, 2), r(0, 1, 3));
        assertEquals(m(r(1, 2, 8), r(3, 4, 18), r(5, 6, 28)), apply(a, OpCode.MUL, b));
    }

    @Test
    void mulNamesBothShapesOnMismatch() {
        StrompyError e = assertThrows(StrompyError.class,
                () -> apply(new Matrix(4, 3, new double[12]), OpCode.MUL, new Matrix(2, 2, new double[4])));
        assertEquals("shape mismatch: 4x3 · 2x2", e.detail());
    }

    @Test
    void addAndSubWorkEntryByEntry() {
        Matrix a = m(r(1, 2), r(3, 4));
        Matrix b = m(r(10, 20), r(30, 40));
        assertEquals(m(r(11, 22), r(33, 44)), apply(a, OpCode.ADD, b));
        assertEquals(m(r(-9, -18), r(-27, -36)), apply(a, OpCode.SUB, b));
        StrompyError e = assertThrows(StrompyError.class, () -> apply(a, OpCode.ADD, m(r(1, 2))));
        assertEquals("shape mismatch: 2x2 + 1x2", e.detail());
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        assertEquals(m(r(1, 4), r(2, 5), r(3, 6)), apply(m(r(1, 2, 3), r(4, 5, 6)), OpCode.TRANSPOSE, null));
    }

    @Test
    void scaleMultipliesEveryEntry() {
        assertEquals(m(r(-2, 4)), apply(m(r(1, -2)), OpCode.SCALE, new Scalar(-2)));
    }

    @Test
    void nonFiniteResultIsANumericError() {
        StrompyError e = assertThrows(StrompyError.class,
                () -> apply(m(r(1e300, 1)), OpCode.SCALE, new Scalar(1e300)));
        assertEquals(ErrorType.NUMERIC, e.type());
        assertEquals("non-finite result (Infinity at row 0, column 0)", e.detail());
    }

    @Test
    void resultOverTheElementLimitIsRefusedBeforeAllocating() {
        Evaluator small = new Evaluator(100);
        Matrix column = new Matrix(20, 1, new double[20]);
        Matrix row = new Matrix(1, 20, new double[20]);
        StrompyError e = assertThrows(StrompyError.class, () -> small.apply(column, new Op(OpCode.MUL, row)));
        assertEquals(ErrorType.LIMIT, e.type());
    }

    @Test
    void evaluationDoesNotModifyItsInputs() {
        Matrix a = m(r(1, 2), r(3, 4));
        Matrix b = m(r(5, 6), r(7, 8));
        for (OpCode code : List.of(OpCode.ADD, OpCode.SUB, OpCode.MUL, OpCode.DOT)) {
            apply(a, code, b);
        }
        apply(a, OpCode.SCALE, new Scalar(3));
        apply(a, OpCode.TRANSPOSE, null);
        assertEquals(m(r(1, 2), r(3, 4)), a);
        assertEquals(m(r(5, 6), r(7, 8)), b);
    }
}

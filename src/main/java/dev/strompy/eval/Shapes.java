package dev.strompy.eval;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import org.ejml.data.DMatrixRMaj;

/** Shape checks that run before any computing, each naming both shapes on failure. */
final class Shapes {
    private Shapes() {
    }

    static String of(DMatrixRMaj m) {
        return m.numRows + "x" + m.numCols;
    }

    static StrompyError mismatch(DMatrixRMaj a, String symbol, DMatrixRMaj b) {
        return new StrompyError(ErrorType.SHAPE, "shape mismatch: " + of(a) + " " + symbol + " " + of(b));
    }

    /** Both operands must have the same shape. */
    static void requireSame(DMatrixRMaj a, String symbol, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw mismatch(a, symbol, b);
        }
    }

    /** The matrix must be square. */
    static void requireSquare(DMatrixRMaj a) {
        if (a.numRows != a.numCols) {
            throw new StrompyError(ErrorType.SHAPE, "needs a square matrix, got " + of(a));
        }
    }

    /** The rhs as an EJML matrix, not copied; the catalogue has already checked its kind. */
    static DMatrixRMaj matrix(Operand rhs) {
        Matrix m = (Matrix) rhs;
        return DMatrixRMaj.wrap(m.rows(), m.cols(), m.data());
    }

    static double number(Operand rhs) {
        return ((Scalar) rhs).value();
    }
}

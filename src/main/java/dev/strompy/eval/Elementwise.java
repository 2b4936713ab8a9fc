package dev.strompy.eval;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Ops that work entry by entry, or only move entries about. */
final class Elementwise {
    private Elementwise() {
    }

    private static DMatrixRMaj map(Workspace ws, DMatrixRMaj a, DoubleUnaryOperator f) {
        DMatrixRMaj out = ws.allocate(a.numRows, a.numCols);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = f.applyAsDouble(a.data[i]);
        }
        return out;
    }

    private static DMatrixRMaj zip(Workspace ws, DMatrixRMaj a, String symbol, Operand rhs, DoubleBinaryOperator f) {
        DMatrixRMaj b = Shapes.matrix(rhs);
        Shapes.requireSame(a, symbol, b);
        DMatrixRMaj out = ws.allocate(a.numRows, a.numCols);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = f.applyAsDouble(a.data[i], b.data[i]);
        }
        return out;
    }

    static DMatrixRMaj add(Workspace ws, DMatrixRMaj a, Operand rhs) {
        return zip(ws, a, "+", rhs, Double::sum);
    }

    static DMatrixRMaj sub(Workspace ws, DMatrixRMaj a, Operand rhs) {
        return zip(ws, a, "-", rhs, (x, y) -> x - y);
    }

    static DMatrixRMaj componentMul(Workspace ws, DMatrixRMaj a, Operand rhs) {
        return zip(ws, a, "∘", rhs, (x, y) -> x * y);
    }

    static DMatrixRMaj componentDiv(Workspace ws, DMatrixRMaj a, Operand rhs) {
        return zip(ws, a, "⊘", rhs, (x, y) -> x / y);
    }

    static DMatrixRMaj inf(Workspace ws, DMatrixRMaj a, Operand rhs) {
        return zip(ws, a, "min", rhs, Math::min);
    }

    static DMatrixRMaj sup(Workspace ws, DMatrixRMaj a, Operand rhs) {
        return zip(ws, a, "max", rhs, Math::max);
    }

    static DMatrixRMaj scale(Workspace ws, DMatrixRMaj a, Operand rhs) {
        double s = Shapes.number(rhs);
        return map(ws, a, x -> x * s);
    }

    static DMatrixRMaj unscale(Workspace ws, DMatrixRMaj a, Operand rhs) {
        double s = Shapes.number(rhs);
        return map(ws, a, x -> x / s);
    }

    static DMatrixRMaj addScalar(Workspace ws, DMatrixRMaj a, Operand rhs) {
        double s = Shapes.number(rhs);
        return map(ws, a, x -> x + s);
    }

    static DMatrixRMaj neg(Workspace ws, DMatrixRMaj a, Operand rhs) {
        return map(ws, a, x -> -x);
    }

    static DMatrixRMaj abs(Workspace ws, DMatrixRMaj a, Operand rhs) {
        return map(ws, a, Math::abs);
    }

    static DMatrixRMaj transpose(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj out = ws.allocate(a.numCols, a.numRows);
        CommonOps_DDRM.transpose(a, out);
        return out;
    }

    /** The entries on and above the diagonal; zeros below. Any shape, as numpy's triu. */
    static DMatrixRMaj upperTriangle(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj out = ws.allocate(a.numRows, a.numCols);
        for (int i = 0; i < a.numRows; i++) {
            for (int j = i; j < a.numCols; j++) {
                out.data[i * a.numCols + j] = a.data[i * a.numCols + j];
            }
        }
        return out;
    }

    /** The entries on and below the diagonal; zeros above. Any shape, as numpy's tril. */
    static DMatrixRMaj lowerTriangle(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj out = ws.allocate(a.numRows, a.numCols);
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j <= i && j < a.numCols; j++) {
                out.data[i * a.numCols + j] = a.data[i * a.numCols + j];
            }
        }
        return out;
    }

    /** (A + Aᵀ) / 2. */
    static DMatrixRMaj symmetricPart(Workspace ws, DMatrixRMaj a, Operand rhs) {
        Shapes.requireSquare(a);
        int n = a.numRows;
        DMatrixRMaj out = ws.allocate(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out.data[i * n + j] = (a.data[i * n + j] + a.data[j * n + i]) / 2;
            }
        }
        return out;
    }
}

package dev.strompy.eval;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/** Ops that combine two matrices into a product, or a product-like number. */
final class Products {
    private Products() {
    }

    /** nalgebra's {@code dot}: both seen as vectors, Σ aᵢⱼ·bᵢⱼ. */
    static DMatrixRMaj dot(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj b = Shapes.matrix(rhs);
        Shapes.requireSame(a, "·", b);
        return ws.scalar(sumOfProducts(a, b));
    }

    /** Σ aᵢ·bᵢ over the entries of two matrices of the same size. */
    static double sumOfProducts(DMatrixRMaj a, DMatrixRMaj b) {
        double sum = 0;
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            sum += a.data[i] * b.data[i];
        }
        return sum;
    }

    /** trace(A·B) = Σ aᵢⱼ·bⱼᵢ, without forming the product. */
    static DMatrixRMaj trDot(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj b = Shapes.matrix(rhs);
        if (a.numRows != b.numCols || a.numCols != b.numRows) {
            throw Shapes.mismatch(a, "·ᵀ", b);
        }
        double sum = 0;
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                sum += a.data[i * a.numCols + j] * b.data[j * b.numCols + i];
            }
        }
        return ws.scalar(sum);
    }

    /** The matrix product A·B. */
    static DMatrixRMaj mul(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj b = Shapes.matrix(rhs);
        if (a.numCols != b.numRows) {
            throw Shapes.mismatch(a, "·", b);
        }
        DMatrixRMaj out = ws.allocate(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, out);
        return out;
    }

    /** Aᵀ·B. */
    static DMatrixRMaj trMul(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj b = Shapes.matrix(rhs);
        if (a.numRows != b.numRows) {
            throw new StrompyError(ErrorType.SHAPE, "shape mismatch: " + Shapes.of(a) + "ᵀ · " + Shapes.of(b));
        }
        DMatrixRMaj out = ws.allocate(a.numCols, b.numCols);
        CommonOps_DDRM.multTransA(a, b, out);
        return out;
    }

    /** The Kronecker product. */
    static DMatrixRMaj kronecker(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj b = Shapes.matrix(rhs);
        DMatrixRMaj out = ws.allocate((long) a.numRows * b.numRows, (long) a.numCols * b.numCols);
        CommonOps_DDRM.kron(a, b, out);
        return out;
    }

    /** The cross product of two 3-vectors, both columns or both rows. */
    static DMatrixRMaj cross(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj b = Shapes.matrix(rhs);
        boolean vectors = a.getNumElements() == 3 && (a.numRows == 3 || a.numCols == 3);
        if (!vectors || a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new StrompyError(ErrorType.SHAPE, "cross needs two 3x1 or two 1x3 matrices, got "
                    + Shapes.of(a) + " × " + Shapes.of(b));
        }
        double[] x = a.data;
        double[] y = b.data;
        DMatrixRMaj out = ws.allocate(a.numRows, a.numCols);
        out.data[0] = x[1] * y[2] - x[2] * y[1];
        out.data[1] = x[2] * y[0] - x[0] * y[2];
        out.data[2] = x[0] * y[1] - x[1] * y[0];
        return out;
    }

    /** ‖A − B‖ (Frobenius). */
    static DMatrixRMaj metricDistance(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj b = Shapes.matrix(rhs);
        Shapes.requireSame(a, "-", b);
        DMatrixRMaj diff = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.subtract(a, b, diff);
        return ws.scalar(NormOps_DDRM.normF(diff));
    }
}

package dev.strompy.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Ops that combine two matrices into a product or a product-like number. */
final class Products {
    private Products() {
    }

    /** nalgebra's {@code dot}: both seen as vectors, Σ aᵢⱼ·bᵢⱼ. */
    static DMatrixRMaj dot(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj b = Shapes.matrix(rhs);
        Shapes.requireSame(a, "·", b);
        double sum = 0;
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            sum += a.data[i] * b.data[i];
        }
        DMatrixRMaj out = ws.allocate(1, 1);
        out.data[0] = sum;
        return out;
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
}

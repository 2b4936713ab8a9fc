package dev.strompy.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Ops that work entry by entry, or only move entries about. */
final class Elementwise {
    private Elementwise() {
    }

    static DMatrixRMaj add(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj b = Shapes.matrix(rhs);
        Shapes.requireSame(a, "+", b);
        DMatrixRMaj out = ws.allocate(a.numRows, a.numCols);
        CommonOps_DDRM.add(a, b, out);
        return out;
    }

    static DMatrixRMaj sub(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj b = Shapes.matrix(rhs);
        Shapes.requireSame(a, "-", b);
        DMatrixRMaj out = ws.allocate(a.numRows, a.numCols);
        CommonOps_DDRM.subtract(a, b, out);
        return out;
    }

    static DMatrixRMaj scale(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj out = ws.allocate(a.numRows, a.numCols);
        CommonOps_DDRM.scale(Shapes.number(rhs), a, out);
        return out;
    }

    static DMatrixRMaj transpose(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj out = ws.allocate(a.numCols, a.numRows);
        CommonOps_DDRM.transpose(a, out);
        return out;
    }
}

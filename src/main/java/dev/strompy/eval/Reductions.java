package dev.strompy.eval;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Ops that reduce a matrix to a number, a row or a column. nalgebra's names: {@code row_sum}
 * sums down each column into one row; EJML's {@code sumCols} is that, and its {@code sumRows}
 * is nalgebra's {@code column_sum}.
 */
final class Reductions {
    private Reductions() {
    }

    static DMatrixRMaj sum(Workspace ws, DMatrixRMaj a, Operand rhs) {
        return ws.scalar(CommonOps_DDRM.elementSum(a));
    }

    static DMatrixRMaj product(Workspace ws, DMatrixRMaj a, Operand rhs) {
        double p = 1;
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            p *= a.data[i];
        }
        return ws.scalar(p);
    }

    static DMatrixRMaj mean(Workspace ws, DMatrixRMaj a, Operand rhs) {
        return ws.scalar(CommonOps_DDRM.elementSum(a) / a.getNumElements());
    }

    /** Population variance, two-pass: Σ(x − mean)² / n. */
    static DMatrixRMaj variance(Workspace ws, DMatrixRMaj a, Operand rhs) {
        int n = a.getNumElements();
        double mean = CommonOps_DDRM.elementSum(a) / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = a.data[i] - mean;
            sum += d * d;
        }
        return ws.scalar(sum / n);
    }

    static DMatrixRMaj max(Workspace ws, DMatrixRMaj a, Operand rhs) {
        return ws.scalar(CommonOps_DDRM.elementMax(a));
    }

    static DMatrixRMaj min(Workspace ws, DMatrixRMaj a, Operand rhs) {
        return ws.scalar(CommonOps_DDRM.elementMin(a));
    }

    static DMatrixRMaj amax(Workspace ws, DMatrixRMaj a, Operand rhs) {
        return ws.scalar(CommonOps_DDRM.elementMaxAbs(a));
    }

    static DMatrixRMaj amin(Workspace ws, DMatrixRMaj a, Operand rhs) {
        return ws.scalar(CommonOps_DDRM.elementMinAbs(a));
    }

    /** 1×c: the sum down each column. */
    static DMatrixRMaj rowSum(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj out = ws.allocate(1, a.numCols);
        CommonOps_DDRM.sumCols(a, out);
        return out;
    }

    /** r×1: the sum along each row. */
    static DMatrixRMaj columnSum(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj out = ws.allocate(a.numRows, 1);
        CommonOps_DDRM.sumRows(a, out);
        return out;
    }

    static DMatrixRMaj rowMean(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj out = rowSum(ws, a, rhs);
        CommonOps_DDRM.divide(out, a.numRows);
        return out;
    }

    static DMatrixRMaj columnMean(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj out = columnSum(ws, a, rhs);
        CommonOps_DDRM.divide(out, a.numCols);
        return out;
    }

    /** Frobenius norm, scaled against overflow. */
    static DMatrixRMaj norm(Workspace ws, DMatrixRMaj a, Operand rhs) {
        return ws.scalar(NormOps_DDRM.normF(a));
    }

    static DMatrixRMaj normSquared(Workspace ws, DMatrixRMaj a, Operand rhs) {
        return ws.scalar(Products.sumOfProducts(a, a));
    }

    /** (Σ|aᵢⱼ|ᵖ)^(1/p), computed as amax·(Σ(|aᵢⱼ|/amax)ᵖ)^(1/p) so that large p cannot overflow. */
    static DMatrixRMaj lpNorm(Workspace ws, DMatrixRMaj a, Operand rhs) {
        double p = Shapes.number(rhs);
        double scale = CommonOps_DDRM.elementMaxAbs(a);
        if (scale == 0) {
            return ws.scalar(0);
        }
        double sum = 0;
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            sum += Math.pow(Math.abs(a.data[i]) / scale, p);
        }
        return ws.scalar(scale * Math.pow(sum, 1 / p));
    }

    static DMatrixRMaj trace(Workspace ws, DMatrixRMaj a, Operand rhs) {
        Shapes.requireSquare(a);
        return ws.scalar(CommonOps_DDRM.trace(a));
    }

    /** The diagonal of a square matrix, as a column. */
    static DMatrixRMaj diagonal(Workspace ws, DMatrixRMaj a, Operand rhs) {
        Shapes.requireSquare(a);
        DMatrixRMaj out = ws.allocate(a.numRows, 1);
        for (int i = 0; i < a.numRows; i++) {
            out.data[i] = a.data[i * a.numCols + i];
        }
        return out;
    }

    /** A / ‖A‖. */
    static DMatrixRMaj normalize(Workspace ws, DMatrixRMaj a, Operand rhs) {
        double norm = NormOps_DDRM.normF(a);
        if (norm == 0) {
            throw new StrompyError(ErrorType.NUMERIC, "cannot normalize a zero matrix");
        }
        DMatrixRMaj out = ws.allocate(a.numRows, a.numCols);
        CommonOps_DDRM.divide(a, norm, out);
        return out;
    }
}

package dev.strompy.eval;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.util.Arrays;
import org.ejml.EjmlParameters;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/** Ops that combine two matrices into a product, or a product-like number. */
final class Products {
    /** The largest right operand {@link #multiply} copies (8 MB); a larger one goes to EJML. */
    private static final int MAX_COPIED = 1 << 20;

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
        if (a.numRows >= 4 && b.numCols >= EjmlParameters.MULT_COLUMN_SWITCH && a.numCols > 0
                && b.getNumElements() <= MAX_COPIED) {
            multiply(a, b, out);
        } else {
            CommonOps_DDRM.mult(a, b, out);
        }
        return out;
    }

    /**
     * C = A·B with the sums of EJML's {@code mult_reorder} (what {@code CommonOps_DDRM.mult} uses
     * from {@link EjmlParameters#MULT_COLUMN_SWITCH} columns up), so the same bits: each entry is
     * ((a₀b₀ + a₁b₁) + a₂b₂) + ..., every product rounded before it is added. Faster because
     * each row of B is loaded once for four rows of C, and every inner loop runs over arrays from
     * index 0 (B's rows copied out, four rows of C in scratch arrays): the compiler then turns it
     * into vector instructions, which it does not do for EJML's loop over offsets into one array.
     */
    static void multiply(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        int n = a.numRows;
        int m = a.numCols;
        int p = b.numCols;
        double[] x = a.data;
        double[][] rows = new double[m][];
        for (int k = 0; k < m; k++) {
            rows[k] = Arrays.copyOfRange(b.data, k * p, k * p + p);
        }
        double[] c0 = new double[p];
        double[] c1 = new double[p];
        double[] c2 = new double[p];
        double[] c3 = new double[p];
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            int a0 = i * m;
            int a1 = a0 + m;
            int a2 = a1 + m;
            int a3 = a2 + m;
            double[] r = rows[0];
            double x0 = x[a0];
            double x1 = x[a1];
            double x2 = x[a2];
            double x3 = x[a3];
            for (int j = 0; j < p; j++) {
                double v = r[j];
                c0[j] = x0 * v;
                c1[j] = x1 * v;
                c2[j] = x2 * v;
                c3[j] = x3 * v;
            }
            for (int k = 1; k < m; k++) {
                r = rows[k];
                x0 = x[a0 + k];
                x1 = x[a1 + k];
                x2 = x[a2 + k];
                x3 = x[a3 + k];
                for (int j = 0; j < p; j++) {
                    double v = r[j];
                    c0[j] += x0 * v;
                    c1[j] += x1 * v;
                    c2[j] += x2 * v;
                    c3[j] += x3 * v;
                }
            }
            System.arraycopy(c0, 0, out.data, i * p, p);
            System.arraycopy(c1, 0, out.data, (i + 1) * p, p);
            System.arraycopy(c2, 0, out.data, (i + 2) * p, p);
            System.arraycopy(c3, 0, out.data, (i + 3) * p, p);
        }
        for (; i < n; i++) {
            int a0 = i * m;
            double[] r = rows[0];
            double x0 = x[a0];
            for (int j = 0; j < p; j++) {
                c0[j] = x0 * r[j];
            }
            for (int k = 1; k < m; k++) {
                r = rows[k];
                x0 = x[a0 + k];
                for (int j = 0; j < p; j++) {
                    c0[j] += x0 * r[j];
                }
            }
            System.arraycopy(c0, 0, out.data, i * p, p);
        }
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

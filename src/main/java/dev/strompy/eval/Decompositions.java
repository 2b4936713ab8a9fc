package dev.strompy.eval;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Ops built on LU, SVD, Cholesky and symmetric eigen decompositions. Singularity is an exactly
 * zero LU pivot (as in LAPACK's getrf, which numpy uses), not EJML's weaker signal.
 */
final class Decompositions {
    private static final double EPS = Math.ulp(1.0);

    private Decompositions() {
    }

    /** An LU solver for a square matrix; a zero pivot is a numeric error. */
    private static LinearSolverLu_DDRM lu(DMatrixRMaj a) {
        Shapes.requireSquare(a);
        LUDecompositionAlt_DDRM decomposition = new LUDecompositionAlt_DDRM();
        LinearSolverLu_DDRM solver = new LinearSolverLu_DDRM(decomposition);
        if (!solver.setA(a)) {
            throw new StrompyError(ErrorType.NUMERIC, "LU decomposition failed");
        }
        DMatrixRMaj packed = decomposition.getLU();
        int n = a.numRows;
        for (int i = 0; i < n; i++) {
            if (packed.data[i * n + i] == 0) {
                throw new StrompyError(ErrorType.NUMERIC, "singular matrix (zero pivot in column " + i + ")");
            }
        }
        return solver;
    }

    /** X with A·X = B, for a square A. */
    static DMatrixRMaj solve(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj b = Shapes.matrix(rhs);
        Shapes.requireSquare(a);
        if (b.numRows != a.numRows) {
            throw Shapes.mismatch(a, "\\", b);
        }
        DMatrixRMaj out = ws.allocate(a.numCols, b.numCols);
        lu(a).solve(b, out);
        return out;
    }

    static DMatrixRMaj tryInverse(Workspace ws, DMatrixRMaj a, Operand rhs) {
        LinearSolverLu_DDRM solver = lu(a);
        DMatrixRMaj out = ws.allocate(a.numRows, a.numCols);
        solver.invert(out);
        return out;
    }

    /** The determinant from LU; a singular matrix has determinant 0, not an error. */
    static DMatrixRMaj determinant(Workspace ws, DMatrixRMaj a, Operand rhs) {
        Shapes.requireSquare(a);
        LUDecompositionAlt_DDRM decomposition = new LUDecompositionAlt_DDRM();
        decomposition.decompose(a);
        // + 0.0 turns the -0.0 of a singular matrix with an odd permutation into 0.0, as numpy prints.
        return ws.scalar(decomposition.computeDeterminant().real + 0.0);
    }

    /** A compact SVD of a (not modified), with U and V when asked for. */
    private static SingularValueDecomposition_F64<DMatrixRMaj> svd(DMatrixRMaj a, boolean vectors) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(a.numRows, a.numCols, vectors, vectors, true);
        if (!svd.decompose(svd.inputModified() ? a.copy() : a)) {
            throw new StrompyError(ErrorType.NUMERIC, "singular value decomposition did not converge");
        }
        return svd;
    }

    /** Singular values, descending (EJML does not promise an order). */
    private static double[] singularValues(DMatrixRMaj a) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = svd(a, false);
        return descending(svd.getSingularValues(), svd.numberOfSingularValues());
    }

    private static double[] descending(double[] values, int n) {
        double[] s = Arrays.copyOf(values, n);
        Arrays.sort(s);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    /** The cutoff below which singular values count as zero: rhs if given, else numpy's default. */
    private static double tolerance(DMatrixRMaj a, double[] sigma, Operand rhs) {
        if (rhs != null) {
            return Shapes.number(rhs);
        }
        double largest = sigma.length == 0 ? 0 : sigma[0];
        // The small factors first: largest · max(r, c) alone can overflow (9e307 · 2).
        return largest * (Math.max(a.numRows, a.numCols) * EPS);
    }

    static DMatrixRMaj singularValuesOp(Workspace ws, DMatrixRMaj a, Operand rhs) {
        double[] s = singularValues(a);
        DMatrixRMaj out = ws.allocate(s.length, 1);
        System.arraycopy(s, 0, out.data, 0, s.length);
        return out;
    }

    static DMatrixRMaj rank(Workspace ws, DMatrixRMaj a, Operand rhs) {
        double[] s = singularValues(a);
        double tol = tolerance(a, s, rhs);
        int rank = 0;
        for (double v : s) {
            if (v > tol) {
                rank++;
            }
        }
        return ws.scalar(rank);
    }

    /** V·Σ⁺·Uᵀ, with singular values at or below the tolerance treated as zero (as numpy's pinv). */
    static DMatrixRMaj pseudoInverse(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj out = ws.allocate(a.numCols, a.numRows);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = svd(a, true);
        int k = svd.numberOfSingularValues();
        double[] sigma = svd.getSingularValues();
        double tol = tolerance(a, descending(sigma, k), rhs);
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        // out = Σ over kept i of v[:,i] · (1/σᵢ) · u[:,i]ᵀ
        for (int i = 0; i < k; i++) {
            if (!(sigma[i] > tol)) {
                continue;
            }
            double inv = 1 / sigma[i];
            for (int r = 0; r < a.numCols; r++) {
                double vr = v.get(r, i) * inv;
                if (vr == 0) {
                    continue;
                }
                int base = r * a.numRows;
                for (int c = 0; c < a.numRows; c++) {
                    out.data[base + c] += vr * u.get(c, i);
                }
            }
        }
        return out;
    }

    /** The symmetric matrix whose lower triangle is a's: what numpy's eigvalsh and cholesky read. */
    private static DMatrixRMaj fromLower(DMatrixRMaj a) {
        Shapes.requireSquare(a);
        int n = a.numRows;
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = a.data[i * n + j];
                s.data[i * n + j] = v;
                s.data[j * n + i] = v;
            }
        }
        return s;
    }

    /** Eigenvalues of the symmetric matrix given by the lower triangle, ascending. */
    static DMatrixRMaj symmetricEigenvalues(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj s = fromLower(a);
        int n = s.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(s)) {
            throw new StrompyError(ErrorType.NUMERIC, "eigenvalue decomposition did not converge");
        }
        DMatrixRMaj out = ws.allocate(n, 1);
        for (int i = 0; i < n; i++) {
            out.data[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(out.data);
        return out;
    }

    /** L with L·Lᵀ = A, reading A's lower triangle. */
    static DMatrixRMaj cholesky(Workspace ws, DMatrixRMaj a, Operand rhs) {
        DMatrixRMaj s = fromLower(a);
        int n = s.numRows;
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        if (!chol.decompose(s)) {
            throw new StrompyError(ErrorType.NUMERIC, "matrix is not positive definite");
        }
        DMatrixRMaj lower = chol.getT(null);
        DMatrixRMaj out = ws.allocate(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                out.data[i * n + j] = lower.data[i * n + j];
            }
        }
        return out;
    }
}

package dev.strompy.eval;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import org.ejml.data.DMatrixRMaj;

/**
 * Applies one op to a matrix with EJML, checking shapes first and results after: a result with
 * any NaN or infinite entry is a numeric error, never returned. {@link Fold} applies a chain.
 */
public final class Evaluator {
    private final Workspace workspace;

    /** @param maxElements the most entries a result may have */
    public Evaluator(long maxElements) {
        this.workspace = new Workspace(maxElements);
    }

    /**
     * {@return {@code op} applied to {@code lhs}, which is not modified}
     *
     * @throws StrompyError on a shape, numeric or limit failure
     */
    public Matrix apply(Matrix lhs, Op op) {
        DMatrixRMaj a = DMatrixRMaj.wrap(lhs.rows(), lhs.cols(), lhs.data());
        DMatrixRMaj out = op.code().apply(workspace, a, op.rhs());
        requireFinite(out);
        return new Matrix(out.numRows, out.numCols, out.data);
    }

    private static void requireFinite(DMatrixRMaj m) {
        double[] d = m.data;
        int n = m.getNumElements();
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(d[i])) {
                throw new StrompyError(ErrorType.NUMERIC, "non-finite result (" + d[i] + " at row "
                        + (i / m.numCols) + ", column " + (i % m.numCols) + ")");
            }
        }
    }
}

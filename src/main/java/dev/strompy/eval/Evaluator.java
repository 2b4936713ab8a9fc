package dev.strompy.eval;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.util.Iterator;
import org.ejml.data.DMatrixRMaj;

/**
 * Folds a chain of ops over a matrix: each op takes the running result as its left operand.
 *
 * <p>Ops are pulled from an iterator and applied one at a time, so a chain read lazily from input
 * is evaluated in the memory of its largest matrix. A result with any NaN or infinite entry is a
 * numeric error, never returned.
 */
public final class Evaluator {
    /** The default bound on the number of entries of one matrix. */
    public static final long DEFAULT_MAX_ELEMENTS = 10_000_000L;

    private final Workspace workspace;

    /** @param maxElements the largest number of entries a result may have */
    public Evaluator(long maxElements) {
        this.workspace = new Workspace(maxElements);
    }

    public Evaluator() {
        this(DEFAULT_MAX_ELEMENTS);
    }

    /**
     * Applies {@code ops} in order, starting from {@code lhs}.
     *
     * @param lhs not modified
     * @param ops pulled one at a time; errors it throws pass through unchanged
     * @return the final result, {@code lhs} itself when there are no ops
     * @throws StrompyError when an op fails, with the op's index and code set
     */
    public Matrix evaluate(Matrix lhs, Iterator<Op> ops) {
        Matrix acc = lhs;
        long index = 0;
        while (ops.hasNext()) {
            Op op = ops.next();
            try {
                acc = apply(acc, op);
            } catch (StrompyError e) {
                throw e.atOp(index, op.code().code());
            }
            index++;
        }
        return acc;
    }

    /**
     * Applies one op.
     *
     * @param lhs not modified
     * @throws StrompyError on a shape, numeric or limit failure
     */
    public Matrix apply(Matrix lhs, Op op) {
        DMatrixRMaj a = DMatrixRMaj.wrap(lhs.rows(), lhs.cols(), lhs.data());
        DMatrixRMaj out = op.code().kernel().apply(workspace, a, op.rhs());
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

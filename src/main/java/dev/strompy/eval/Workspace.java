package dev.strompy.eval;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import org.ejml.data.DMatrixRMaj;

/** Allocates result matrices, refusing any over the element limit before it is allocated. */
record Workspace(long maxElements) {
    DMatrixRMaj allocate(long rows, long cols) {
        if (rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE || rows * cols > maxElements) {
            throw new StrompyError(ErrorType.LIMIT, "result would be " + rows + "x" + cols
                    + ", over the limit of " + maxElements + " elements (--max-elements)");
        }
        return new DMatrixRMaj((int) rows, (int) cols);
    }

    /** A 1x1 result. */
    DMatrixRMaj scalar(double value) {
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        out.data[0] = value;
        return out;
    }
}

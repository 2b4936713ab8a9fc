package dev.strompy.eval;

import org.ejml.data.DMatrixRMaj;

/**
 * One op's implementation. It checks shapes first (throwing a shape error that names both), then
 * computes into a matrix it allocates through the workspace. {@code a} is not modified.
 */
@FunctionalInterface
interface Kernel {
    DMatrixRMaj apply(Workspace ws, DMatrixRMaj a, Operand rhs);
}

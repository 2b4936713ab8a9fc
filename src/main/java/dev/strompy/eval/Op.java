package dev.strompy.eval;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;

/**
 * One op of a chain: a code and its {@code rhs} (null when absent), checked against the
 * catalogue when made.
 */
public record Op(OpCode code, Operand rhs) {
    /** @throws StrompyError of type {@link ErrorType#OP} when {@code rhs} (null: none) is missing, unexpected or wrong */
    public Op {
        RhsKind kind = code.rhs();
        String name = code.code();
        if (rhs == null) {
            if (kind.required()) {
                throw new StrompyError(ErrorType.OP, name + " needs an rhs (" + kind.label() + ")");
            }
        } else if (kind == RhsKind.NONE) {
            throw new StrompyError(ErrorType.OP, name + " takes no rhs");
        } else if (kind.takesMatrix() != (rhs instanceof Matrix)) {
            throw new StrompyError(ErrorType.OP,
                    name + " needs " + (kind.takesMatrix() ? "a matrix" : "a number") + " as rhs, got " + rhs.kind());
        } else if (rhs instanceof Scalar s) {
            checkInteger(name, kind, s.value());
        }
    }

    private static void checkInteger(String name, RhsKind kind, double v) {
        double min;
        if (kind == RhsKind.NON_NEGATIVE_INTEGER) {
            min = 0;
        } else if (kind == RhsKind.POSITIVE_INTEGER) {
            min = 1;
        } else {
            return;
        }
        if (v == Math.rint(v) && v > Integer.MAX_VALUE) {
            throw new StrompyError(ErrorType.OP, name + ": " + new java.math.BigDecimal(v).toPlainString()
                    + " is above the largest exponent, 2^31-1 (" + Integer.MAX_VALUE + ")");
        }
        if (v != Math.rint(v) || v < min) {
            throw new StrompyError(ErrorType.OP, name + " needs an " + kind.label() + " as rhs, got " + v);
        }
    }
}

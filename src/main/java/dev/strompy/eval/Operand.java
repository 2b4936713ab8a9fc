package dev.strompy.eval;

/** The right-hand side of an op: a {@link Matrix} or a {@link Scalar}. */
public sealed interface Operand permits Matrix, Scalar {
    /** How the operand is named in messages: "a matrix", "a number". */
    String kind();
}

package dev.strompy.eval;

/** A number given as an op's {@code rhs}. */
public record Scalar(double value) implements Operand {
    @Override
    public String kind() {
        return "a number";
    }
}

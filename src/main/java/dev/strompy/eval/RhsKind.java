package dev.strompy.eval;

/** What an op takes as its {@code rhs}. */
public enum RhsKind {
    /** No {@code rhs}; giving one is an error. */
    NONE("—"),
    /** A matrix, required. */
    MATRIX("matrix"),
    /** A number, required. */
    NUMBER("number"),
    /** A number, may be left out. */
    OPTIONAL_NUMBER("number, optional"),
    /** An integer ≥ 0, required. */
    NON_NEGATIVE_INTEGER("integer ≥ 0"),
    /** An integer ≥ 1, required. */
    POSITIVE_INTEGER("integer ≥ 1");

    private final String label;

    RhsKind(String label) {
        this.label = label;
    }

    /** How the README and {@code --list-ops} name it. */
    public String label() {
        return label;
    }

    boolean required() {
        return this != NONE && this != OPTIONAL_NUMBER;
    }

    boolean takesMatrix() {
        return this == MATRIX;
    }
}

package dev.strompy.error;

/**
 * The kinds of failure. The {@link #id()} is what keep-going error records and the README call
 * the type; what each means for a process's exit status is the command line's business.
 */
public enum ErrorType {
    /** Unknown option or bad option value. */
    USAGE("usage"),
    /** Malformed JSON, invalid UTF-8, nesting too deep. */
    SYNTAX("syntax"),
    /** Missing, unknown or duplicate key; wrong type; bad {@code n}; ragged rows. */
    SCHEMA("schema"),
    /** Unknown op code, missing or unexpected {@code rhs}. */
    OP("op"),
    /** Dimensions that do not fit the op. */
    SHAPE("shape"),
    /** Singular, not positive definite, non-finite result, no convergence. */
    NUMERIC("numeric"),
    /** A number literal outside double range. */
    RANGE("range"),
    /** A matrix over the element limit. */
    LIMIT("limit"),
    /** A file operand that is missing, unreadable or a directory. */
    NO_INPUT("no_input"),
    /** A bug in strompy: any unexpected exception. */
    INTERNAL("internal"),
    /** A read error, or a write error on stdout (disk full, closed). */
    IO("io"),
    /** The reader of stdout went away. */
    BROKEN_PIPE("broken_pipe");

    private final String id;

    ErrorType(String id) {
        this.id = id;
    }

    /** {@return the name used in error records and documentation, e.g. {@code "shape"}} */
    public String id() {
        return id;
    }

    /** {@return whether an error of this type costs one item only (not a syntax, read, input or usage error, or a bug)} */
    public boolean itemOnly() {
        return this != SYNTAX && this != IO && this != INTERNAL && this != NO_INPUT && this != USAGE
                && this != BROKEN_PIPE;
    }
}

package dev.strompy.error;

import java.util.Locale;

/**
 * The kinds of failure. The {@link #id()} is what keep-going error records and the README call
 * the type; what each means for a process's exit status is the command line's business.
 */
public enum ErrorType {
    /** Unknown option or bad option value. */
    USAGE,
    /** Malformed JSON, invalid UTF-8, nesting too deep. */
    SYNTAX,
    /** Missing, unknown or duplicate key; wrong type; bad {@code n}; ragged rows. */
    SCHEMA,
    /** Unknown op code, missing or unexpected {@code rhs}. */
    OP,
    /** Dimensions that do not fit the op. */
    SHAPE,
    /** Singular, not positive definite, non-finite result, no convergence. */
    NUMERIC,
    /** A number literal outside double range. */
    RANGE,
    /** A matrix over the element limit. */
    LIMIT,
    /** A file operand that is missing, unreadable or a directory. */
    NO_INPUT,
    /** A bug in strompy: any unexpected exception. */
    INTERNAL,
    /** A read error, or a write error on stdout (disk full, closed). */
    IO,
    /** The reader of stdout went away. */
    BROKEN_PIPE;

    /** {@return the name used in error records and documentation, e.g. {@code "shape"}} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return whether an error of this type costs one item only (not a syntax, read, input or usage error, or a bug)} */
    public boolean itemOnly() {
        return this != SYNTAX && this != IO && this != INTERNAL && this != NO_INPUT && this != USAGE
                && this != BROKEN_PIPE;
    }
}

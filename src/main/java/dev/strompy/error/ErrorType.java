package dev.strompy.error;

/**
 * The kinds of failure, each with its exit code (sysexits.h where one fits).
 *
 * <p>The {@link #id()} is what keep-going error records and the README call the type.
 */
public enum ErrorType {
    /** Unknown option or bad option value. */
    USAGE("usage", 64, "unknown option, bad option value"),
    /** Malformed JSON, invalid UTF-8, nesting too deep. */
    SYNTAX("syntax", 65, "malformed JSON, invalid UTF-8, nesting too deep"),
    /** Missing, unknown or duplicate key; wrong type; bad {@code n}; ragged rows. */
    SCHEMA("schema", 65, "missing/unknown/duplicate key, wrong type, bad n, ragged rows"),
    /** Unknown op code, missing or unexpected {@code rhs}. */
    OP("op", 65, "unknown code, missing or unexpected rhs"),
    /** Dimensions that do not fit the op. */
    SHAPE("shape", 65, "dimensions don't fit the op"),
    /** Singular, not positive definite, non-finite result, no convergence. */
    NUMERIC("numeric", 65, "singular, not positive definite, non-finite result"),
    /** A number literal outside double range. */
    RANGE("range", 65, "number out of double range"),
    /** A matrix over {@code --max-elements}. */
    LIMIT("limit", 65, "matrix over --max-elements"),
    /** A file operand that is missing, unreadable or a directory. */
    NO_INPUT("no_input", 66, "file missing, unreadable, a directory"),
    /** A bug in strompy: any unexpected exception. */
    INTERNAL("internal", 70, "a bug: any unexpected exception"),
    /** A read error, or a write error on stdout (disk full, closed). */
    IO("io", 74, "read error; write error on stdout"),
    /** The reader of stdout went away; strompy stops at once and prints nothing. */
    BROKEN_PIPE("broken_pipe", 141, "the reader of stdout went away");

    private final String id;
    private final int exitCode;
    private final String examples;

    ErrorType(String id, int exitCode, String examples) {
        this.id = id;
        this.exitCode = exitCode;
        this.examples = examples;
    }

    /** {@return the name used in error records and documentation, e.g. {@code "shape"}} */
    public String id() {
        return id;
    }

    /** {@return the process exit status for this type of failure} */
    public int exitCode() {
        return exitCode;
    }

    /** {@return a short list of what causes it, for {@code --help}} */
    public String examples() {
        return examples;
    }
}

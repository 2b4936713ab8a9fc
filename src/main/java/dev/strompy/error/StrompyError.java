package dev.strompy.error;

/**
 * A failure with a type and, as far as known, a place.
 *
 * <p>The place is filled in as the error travels up: the evaluator knows the op, the reader
 * knows the source, line, column and item. Each {@code at…} method sets a field only if it is
 * still unset, so the innermost (most precise) layer wins. Fields left unset are left out of
 * {@link #describe()}.
 */
public final class StrompyError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure. */
    private final ErrorType type;
    /** The message alone. */
    private final String detail;
    /** The source name, or null. */
    private String source;
    /** 1-based line, or -1. */
    private long line = -1;
    /** 1-based column, or -1. */
    private long column = -1;
    /** 0-based item index, or -1. */
    private long item = -1;
    /** 0-based op index, or -1. */
    private long op = -1;
    /** The op code, or null. */
    private String code;

    /**
     * An error with no place yet.
     *
     * @param type what kind of failure, which decides the exit status
     * @param detail the message alone, without the place
     */
    public StrompyError(ErrorType type, String detail) {
        this(type, detail, null);
    }

    /**
     * An error with no place yet, caused by another.
     *
     * @param type what kind of failure, which decides the exit status
     * @param detail the message alone, without the place
     * @param cause what went wrong underneath, or null
     */
    public StrompyError(ErrorType type, String detail, Throwable cause) {
        super(detail, cause);
        this.type = type;
        this.detail = detail;
    }

    /** {@return what kind of failure, which decides the exit status} */
    public ErrorType type() {
        return type;
    }

    /** {@return the message alone, without the place: {@code shape mismatch: 4x3 · 2x2}} */
    public String detail() {
        return detail;
    }

    /** {@return the source name ({@code -} for stdin), or null} */
    public String source() {
        return source;
    }

    /** {@return the 1-based line, or -1} */
    public long line() {
        return line;
    }

    /** {@return the 1-based column, or -1} */
    public long column() {
        return column;
    }

    /** {@return the 0-based item index, or -1} */
    public long item() {
        return item;
    }

    /** {@return the 0-based op index within the item, or -1} */
    public long op() {
        return op;
    }

    /** {@return the op code, or null} */
    public String code() {
        return code;
    }

    /**
     * Sets the source name if not yet known.
     *
     * @param name the source name
     * @return this error
     */
    public StrompyError atSource(String name) {
        if (source == null) {
            source = name;
        }
        return this;
    }

    /**
     * Sets line and column if not yet known; non-positive values are ignored.
     *
     * @param lineNr 1-based line
     * @param columnNr 1-based column
     * @return this error
     */
    public StrompyError atPosition(long lineNr, long columnNr) {
        if (line < 0 && lineNr > 0) {
            line = lineNr;
            column = columnNr;
        }
        return this;
    }

    /**
     * Sets the item index if not yet known.
     *
     * @param index 0-based item index
     * @return this error
     */
    public StrompyError atItem(long index) {
        if (item < 0) {
            item = index;
        }
        return this;
    }

    /**
     * Sets the op index (if {@code index >= 0}) and the code (if non-null), each if not yet known.
     *
     * @param index 0-based op index within the item, or -1
     * @param opCode the op code, or null
     * @return this error
     */
    public StrompyError atOp(long index, String opCode) {
        if (op < 0 && index >= 0) {
            op = index;
        }
        if (code == null) {
            code = opCode;
        }
        return this;
    }

    /**
     * The one rendering of an error for humans, without the program name:
     * {@code FILE:LINE:COL: item 3, op 1 (mul): shape mismatch: 4x3 · 2x2}.
     *
     * @return the message with its place
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source);
            if (line > 0) {
                sb.append(':').append(line).append(':').append(column);
            }
            sb.append(": ");
        }
        if (item >= 0) {
            sb.append("item ").append(item);
            if (op >= 0) {
                sb.append(", op ").append(op);
                if (code != null) {
                    sb.append(" (").append(code).append(')');
                }
            }
            sb.append(": ");
        }
        return sb.append(detail).toString();
    }

    @Override
    public String getMessage() {
        return describe();
    }
}

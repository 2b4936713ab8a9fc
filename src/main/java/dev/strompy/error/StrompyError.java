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

    private final ErrorType type;
    private final String detail;
    private String source;
    private long line = -1;
    private long column = -1;
    private long item = -1;
    private long op = -1;
    private String code;

    public StrompyError(ErrorType type, String detail) {
        this(type, detail, null);
    }

    public StrompyError(ErrorType type, String detail, Throwable cause) {
        super(detail, cause);
        this.type = type;
        this.detail = detail;
    }

    public ErrorType type() {
        return type;
    }

    /** The message alone, without the place: {@code shape mismatch: 4x3 · 2x2}. */
    public String detail() {
        return detail;
    }

    /** The source name ({@code -} for stdin), or null. */
    public String source() {
        return source;
    }

    /** 1-based line, or -1. */
    public long line() {
        return line;
    }

    /** 1-based column, or -1. */
    public long column() {
        return column;
    }

    /** 0-based item index, or -1. */
    public long item() {
        return item;
    }

    /** 0-based op index within the item, or -1. */
    public long op() {
        return op;
    }

    /** The op code, or null. */
    public String code() {
        return code;
    }

    /** Sets the source name if not yet known. */
    public StrompyError atSource(String name) {
        if (source == null) {
            source = name;
        }
        return this;
    }

    /** Sets line and column if not yet known; non-positive values are ignored. */
    public StrompyError atPosition(long lineNr, long columnNr) {
        if (line < 0 && lineNr > 0) {
            line = lineNr;
            column = columnNr;
        }
        return this;
    }

    /** Sets the item index if not yet known. */
    public StrompyError atItem(long index) {
        if (item < 0) {
            item = index;
        }
        return this;
    }

    /** Sets the op index (if {@code index >= 0}) and the code (if non-null), each if not yet known. */
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

package dev.strompy.error;

/**
 * A failure with a type and, as far as known, a place: source, line, column, item, op. Immutable:
 * as it travels up, each {@code at…} method gives a copy with that part of the place set, if it
 * was unset, so the innermost (most precise) layer wins. {@link #describe()} leaves out unset parts.
 */
public final class StrompyError extends RuntimeException {
    private static final long serialVersionUID = 2L;

    /** What kind of failure. */
    private final ErrorType type;
    /** The message alone. */
    private final String detail;
    /** The source name, or null. */
    private final String source;
    /** 1-based line, or -1. */
    private final long line;
    /** 1-based column, or -1. */
    private final long column;
    /** 0-based item index, or -1. */
    private final long item;
    /** 0-based op index, or -1. */
    private final long op;
    /** The op code, or null. */
    private final String code;
    /** The line the failed item began on, which the detail names; -1 when it names none. */
    private final long began;

    /**
     * @param type what kind of failure
     * @param detail the message alone, without the place
     */
    public StrompyError(ErrorType type, String detail) {
        this(type, detail, null);
    }

    /**
     * @param type what kind of failure
     * @param detail the message alone, without the place
     * @param cause what went wrong underneath, or null
     */
    public StrompyError(ErrorType type, String detail, Throwable cause) {
        super(detail, cause);
        this.type = type;
        this.detail = detail;
        this.source = null;
        this.line = -1;
        this.column = -1;
        this.item = -1;
        this.op = -1;
        this.code = null;
        this.began = -1;
    }

    /** A copy with another place: no stack trace of its own (the original's cause is kept). */
    private StrompyError(StrompyError e, String source, long line, long column, long item, long op, String code) {
        this(e, source, line, column, item, op, code, e.began);
    }

    private StrompyError(StrompyError e, String source, long line, long column, long item, long op, String code,
            long began) {
        super(e.detail, e.getCause(), false, false);
        this.type = e.type;
        this.detail = e.detail;
        this.source = source;
        this.line = line;
        this.column = column;
        this.item = item;
        this.op = op;
        this.code = code;
        this.began = began;
    }

    /** {@return what kind of failure} */
    public ErrorType type() {
        return type;
    }

    /** {@return the message alone, without the place: {@code shape mismatch: 4x3 · 2x2}} */
    public String detail() {
        return began > 0 ? detail + " (the item began on line " + began + ")" : detail;
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
     * @param name the source name
     * @return this error if its source is known already, else a copy with it
     */
    public StrompyError atSource(String name) {
        return source != null || name == null ? this : new StrompyError(this, name, line, column, item, op, code);
    }

    /**
     * @param lineNr 1-based line (not positive: ignored)
     * @param columnNr 1-based column
     * @return this error if its position is known already, else a copy with it
     */
    public StrompyError atPosition(long lineNr, long columnNr) {
        return line > 0 || lineNr <= 0 ? this : new StrompyError(this, source, lineNr, columnNr, item, op, code);
    }

    /**
     * @param lineNr the 1-based line the failed item began on, for an error found further down
     * @return a copy whose detail says so: {@code ... (the item began on line 12)}
     */
    public StrompyError beganOnLine(long lineNr) {
        return new StrompyError(this, source, line, column, item, op, code, lineNr);
    }

    /**
     * @param lines how many lines of the source come before the part the error was found in
     * @return this error found in a part of its source whose lines were numbered from 1, placed in
     *     the whole: a copy with its line, and the line its detail names, {@code lines} further down
     */
    public StrompyError linesDown(long lines) {
        if (lines == 0 || (line <= 0 && began <= 0)) {
            return this;
        }
        return new StrompyError(this, source, line > 0 ? line + lines : line, column, item, op, code,
                began > 0 ? began + lines : began);
    }

    /**
     * @param index 0-based item index (negative: ignored)
     * @return this error if its item is known already, else a copy with it
     */
    public StrompyError atItem(long index) {
        return item >= 0 || index < 0 ? this : new StrompyError(this, source, line, column, index, op, code);
    }

    /**
     * @param index 0-based op index within the item, or -1
     * @param opCode the op code, or null
     * @return this error with each that it lacks, or this error
     */
    public StrompyError atOp(long index, String opCode) {
        long newOp = op < 0 && index >= 0 ? index : op;
        String newCode = code == null ? opCode : code;
        return newOp == op && newCode == code ? this : new StrompyError(this, source, line, column, item, newOp, newCode);
    }

    /** {@return the one rendering for humans: {@code FILE:LINE:COL: item 3, op 1 (mul): shape mismatch: 4x3 · 2x2}} */
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
        return sb.append(detail()).toString();
    }

    @Override
    public String getMessage() {
        return describe();
    }
}

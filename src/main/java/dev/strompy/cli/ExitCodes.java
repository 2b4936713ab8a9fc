package dev.strompy.cli;

import dev.strompy.error.ErrorType;

/** What each kind of failure means for the process: its exit status (sysexits.h where one fits). */
public final class ExitCodes {
    private ExitCodes() {
    }

    /** {@return the exit status for a failure of type {@code t}} */
    public static int of(ErrorType t) {
        return switch (t) {
            case USAGE -> 64;
            case NO_INPUT -> 66;
            case INTERNAL -> 70;
            case IO -> 74;
            case BROKEN_PIPE -> 141;
            default -> 65;
        };
    }

    /** {@return what causes a failure of type {@code t}, in a few words, for {@code --help}} */
    static String examples(ErrorType t) {
        return switch (t) {
            case USAGE -> "unknown option, bad option value";
            case SYNTAX -> "malformed JSON, invalid UTF-8, nesting too deep";
            case SCHEMA -> "missing/unknown/duplicate key, wrong type, bad n, ragged rows";
            case OP -> "unknown code, missing or unexpected rhs";
            case SHAPE -> "dimensions don't fit the op";
            case NUMERIC -> "singular, not positive definite, non-finite result";
            case RANGE -> "number out of double range";
            case LIMIT -> "matrix over --max-elements";
            case NO_INPUT -> "file missing, unreadable, a directory";
            case INTERNAL -> "a bug: any unexpected exception";
            case IO -> "read error; write error on stdout";
            case BROKEN_PIPE -> "the reader of stdout went away";
        };
    }
}

package dev.strompy.cli;

import dev.strompy.error.ErrorType;

/** What each kind of failure means for the process: its exit status (sysexits.h where one fits). */
final class ExitCodes {
    private ExitCodes() {
    }

    /** {@return the exit status for a failure of type {@code t}} */
    static int of(ErrorType t) {
        switch (t) {
            case USAGE:
                return 64;
            case NO_INPUT:
                return 66;
            case INTERNAL:
                return 70;
            case IO:
                return 74;
            case BROKEN_PIPE:
                return 141;
            default:
                return 65;
        }
    }

    /** {@return what causes a failure of type {@code t}, in a few words, for {@code --help}} */
    static String examples(ErrorType t) {
        switch (t) {
            case USAGE:
                return "unknown option, bad option value";
            case SYNTAX:
                return "malformed JSON, invalid UTF-8, nesting too deep";
            case SCHEMA:
                return "missing/unknown/duplicate key, wrong type, bad n, ragged rows";
            case OP:
                return "unknown code, missing or unexpected rhs";
            case SHAPE:
                return "dimensions don't fit the op";
            case NUMERIC:
                return "singular, not positive definite, non-finite result";
            case RANGE:
                return "number out of double range";
            case LIMIT:
                return "matrix over --max-elements";
            case NO_INPUT:
                return "file missing, unreadable, a directory";
            case INTERNAL:
                return "a bug: any unexpected exception";
            case IO:
                return "read error; write error on stdout";
            case BROKEN_PIPE:
            default:
                return "the reader of stdout went away";
        }
    }
}

package dev.strompy.cli;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.io.PrintStream;

/**
 * Error lines on stderr, GNU style: {@code strompy: FILE:LINE:COL: item 3, op 1 (mul): ...}.
 * Stack traces only with {@code --debug}. A broken pipe prints nothing.
 */
public record Diagnostics(PrintStream err, boolean debug) {
    /** Reports a typed error. */
    public void report(StrompyError e) {
        if (e.type() == ErrorType.BROKEN_PIPE) {
            return;
        }
        err.println("strompy: " + e.describe());
        if (e.type() == ErrorType.USAGE) {
            err.println("Try 'strompy --help' for more information.");
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    /** Reports a bug: an exception nobody expected. */
    public void reportInternal(Throwable t) {
        err.println("strompy: internal error: " + t
                + (debug ? "" : " (run with --debug for a stack trace, and please report it)"));
        if (debug) {
            t.printStackTrace(err);
        }
        err.flush();
    }
}

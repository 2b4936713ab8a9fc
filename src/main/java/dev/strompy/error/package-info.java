/**
 * Typed errors and their exit codes.
 *
 * <p>Every failure strompy reports is a {@link dev.strompy.error.StrompyError} of one
 * {@link dev.strompy.error.ErrorType}; the type decides the exit code and the {@code type} field
 * of keep-going error records. Where it happened (source, line, column, item, op) is carried as
 * fields, filled in by whichever layer knows them, and formatted in one place,
 * {@link dev.strompy.error.StrompyError#describe()}. Nothing here depends on another package.
 */
package dev.strompy.error;

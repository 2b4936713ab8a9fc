/**
 * Typed errors. Every failure strompy reports is a {@link dev.strompy.error.StrompyError} of one
 * {@link dev.strompy.error.ErrorType}, which names it in keep-going records (the command line maps
 * it to an exit code). Where it happened (source, line, column, item, op) is filled in by
 * whichever layer knows it, and formatted in one place, {@link dev.strompy.error.StrompyError#describe()}.
 * Nothing here depends on another package.
 */
package dev.strompy.error;

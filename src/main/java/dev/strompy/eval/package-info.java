/**
 * The op catalogue ({@link dev.strompy.eval.OpCode}) and the EJML evaluation: the value types the
 * reader builds and the writers print, and the {@link dev.strompy.eval.Fold} that applies each op
 * of an item as it comes. The only package that imports EJML; it never sees JSON, files or stdout.
 * Every EJML failure signal (a {@code false}, a dimension exception, a NaN) becomes a typed
 * {@link dev.strompy.error.StrompyError} here.
 */
package dev.strompy.eval;

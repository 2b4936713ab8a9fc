/**
 * The op catalogue and the EJML evaluation.
 *
 * <p>Lives here: the value types that the reader builds and the writers print
 * ({@link dev.strompy.eval.Matrix}, {@link dev.strompy.eval.Scalar}, {@link dev.strompy.eval.Op}),
 * the one catalogue of op codes ({@link dev.strompy.eval.OpCode}) and the
 * {@link dev.strompy.eval.Evaluator} that folds a chain of ops over a matrix. This is the only
 * package that imports EJML; it never sees JSON, files or stdout. Every EJML failure signal
 * (a {@code false}, a dimension exception, a NaN) is translated here into a typed
 * {@link dev.strompy.error.StrompyError} that names the shapes involved.
 */
package dev.strompy.eval;

/**
 * The Java API: evaluate streams of matrix work items from a program.
 * {@link dev.strompy.Strompy} has the blocking helpers ({@code exec}, {@code evaluate},
 * {@code results}, {@code partition}) and the factories of {@code channel()} (the article's
 * channel) and {@code processor()} (a {@code Flow.Processor}); {@link dev.strompy.StrompyDecoder}
 * is the non-blocking decoder of one stream, fed bytes, giving one {@link dev.strompy.Outcome}
 * per item as soon as it is complete, within {@link dev.strompy.Limits}, on the caller's thread
 * or on threads of its own.
 *
 * <p>Failures are {@link dev.strompy.error.StrompyError}s that say where (source, line, column,
 * item, op) and what ({@link dev.strompy.error.ErrorType}). Everything outside this package and
 * {@code dev.strompy.error} is internal. The library's module name is {@code dev.strompy}; the
 * command line is not part of it.
 */
package dev.strompy;

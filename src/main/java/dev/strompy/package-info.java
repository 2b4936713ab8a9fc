/**
 * The Java API: evaluate streams of matrix work items from a program.
 *
 * <ul>
 *   <li>{@link dev.strompy.Strompy}: blocking helpers ({@code exec}, {@code evaluate},
 *       {@code results}) over an {@code InputStream} or a byte array, and the factories of the
 *       non-blocking forms, {@code channel()} and {@code processor()}.</li>
 *   <li>{@link dev.strompy.StrompyDecoder}: the non-blocking decoder of one stream, fed bytes,
 *       giving one {@link dev.strompy.Outcome} per item as soon as it is complete.</li>
 *   <li>{@link dev.strompy.Channel}: the article's channel, a writer fed chunks and a reader
 *       polled for results, each answering with a future.</li>
 * </ul>
 *
 * <p>Failures are {@link dev.strompy.error.StrompyError}s that say where (source, line, column,
 * item, op) and what ({@link dev.strompy.error.ErrorType}). Nothing here starts a thread or
 * blocks, except the helpers that read an {@code InputStream}. Everything outside this package
 * and {@code dev.strompy.error} is internal. The library's module name is {@code dev.strompy};
 * the command line is not part of it.
 */
package dev.strompy;

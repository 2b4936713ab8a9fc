/**
 * Bytes to item parts: a {@link dev.strompy.read.Framer} cuts each item out of the bytes fed as
 * a {@link dev.strompy.read.Frame}, and a {@link dev.strompy.read.FrameReader} reads a frame into
 * its parts ({@code lhs}, each op with its position, the end), with the
 * {@link dev.strompy.read.LineScanner} for items in the usual shape and jackson-core for the
 * rest. Every Jackson failure is translated here ({@code Tokens}) into a typed error with line
 * and column. This package never evaluates, never blocks and never sees EJML or stdout.
 *
 * <p>Where an item ends is decided by the framing rules (strompy(1), WHERE AN ITEM ENDS) from the
 * bytes alone, so what comes out never depends on how they were cut into chunks: every decision
 * waits for the bytes it depends on, and none is taken back. A line that starts with
 * {@code {"lhs"} or {@code {"op"} always starts an item, whatever came before: a framer can start
 * there, which is how a large input is cut into blocks framed on several threads
 * ({@link dev.strompy.read.Lines}). An item longer than the frame limit is handed on in pieces cut
 * at fixed offsets from its start. Lines are counted as Jackson counts them (LF, CRLF and a lone
 * CR one each), columns in bytes.
 */
package dev.strompy.read;

/**
 * Bytes to item parts, pushed: the caller feeds bytes, {@link dev.strompy.read.ItemDecoder} hands
 * out each item's {@code lhs}, each op and the item's end as soon as they are complete, with
 * their positions.
 *
 * <p>jackson-core's non-blocking parser turns bytes into tokens; a state machine turns tokens
 * into parts and recovers after a failed item (and, in a sequence of items, after a bad line).
 * Every Jackson failure is translated here into a typed error with source, line and column.
 * This package never evaluates and never blocks: it keeps all its state in fields, so the same
 * decoder serves the command line, a non-blocking caller and any thread that feeds it. It never
 * sees EJML or stdout.
 */
package dev.strompy.read;

/**
 * jackson-core streaming: the raw bytes of a source become work items, with positions.
 *
 * <p>{@link dev.strompy.read.WorkItemReader} pulls one item at a time from one source, handing
 * out the ops of an item lazily as they are parsed; {@link dev.strompy.read.ResultReader} feeds
 * them to the evaluator and yields one outcome per item, recovering after a failed item when
 * it can. Every Jackson failure is translated here into a typed error with source, line and
 * column. This package never sees EJML or stdout.
 */
package dev.strompy.read;

package dev.strompy.read;

import dev.strompy.eval.Matrix;
import dev.strompy.eval.Op;
import java.util.Iterator;

/**
 * One item as it is being read: its {@code lhs} and a cursor over its ops.
 *
 * <p>The ops are parsed as they are pulled from {@link #ops()}, so the item must be consumed
 * before the reader moves on; {@link WorkItemReader#next()} skips whatever is left. When the
 * cursor reports no more ops, the rest of the item object has been read and checked.
 */
public final class WorkItem {
    private final long index;
    private final long line;
    private final long column;
    private final Matrix lhs;
    private final OpCursor ops;

    WorkItem(long index, long line, long column, Matrix lhs, OpCursor ops) {
        this.index = index;
        this.line = line;
        this.column = column;
        this.lhs = lhs;
        this.ops = ops;
    }

    /** 0-based position of the item in its source. */
    public long index() {
        return index;
    }

    /** Line of the item's opening brace. */
    public long line() {
        return line;
    }

    /** Column of the item's opening brace. */
    public long column() {
        return column;
    }

    public Matrix lhs() {
        return lhs;
    }

    /** The ops, parsed lazily; a single cursor, not restartable. */
    public Iterator<Op> ops() {
        return ops;
    }

    /** Line of the op last handed out by {@link #ops()}, or -1 before the first. */
    public long opLine() {
        return ops.lastLine();
    }

    /** Column of the op last handed out by {@link #ops()}, or -1 before the first. */
    public long opColumn() {
        return ops.lastColumn();
    }

    boolean complete() {
        return ops.exhausted();
    }
}

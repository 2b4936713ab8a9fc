package dev.strompy.read;

import dev.strompy.eval.Op;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The ops of one item: either parsed on demand from the stream (the usual case, {@code lhs}
 * first) or replayed from a list (when {@code op} came before {@code lhs}).
 */
final class OpCursor implements Iterator<Op> {
    /** An op with the position of its opening brace. */
    record Positioned(Op op, long line, long column) {
    }

    /** Parses the next op of the array, or returns null after reading the rest of the item. */
    interface Source {
        Positioned nextOp(long index);
    }

    private final Source source;
    private final Iterator<Positioned> buffered;
    private Positioned pending;
    private boolean exhausted;
    private long index;
    private long lastLine = -1;
    private long lastColumn = -1;

    private OpCursor(Source source, Iterator<Positioned> buffered) {
        this.source = source;
        this.buffered = buffered;
    }

    static OpCursor streaming(Source source) {
        return new OpCursor(source, null);
    }

    static OpCursor replaying(List<Positioned> ops) {
        return new OpCursor(null, ops.iterator());
    }

    @Override
    public boolean hasNext() {
        if (pending != null) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        if (buffered != null) {
            pending = buffered.hasNext() ? buffered.next() : null;
        } else {
            pending = source.nextOp(index);
        }
        if (pending == null) {
            exhausted = true;
            return false;
        }
        return true;
    }

    @Override
    public Op next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Positioned p = pending;
        pending = null;
        index++;
        lastLine = p.line();
        lastColumn = p.column();
        return p.op();
    }

    boolean exhausted() {
        return exhausted;
    }

    long lastLine() {
        return lastLine;
    }

    long lastColumn() {
        return lastColumn;
    }
}

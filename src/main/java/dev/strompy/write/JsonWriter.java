package dev.strompy.write;

import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;
import java.nio.ByteBuffer;

/**
 * JSON lines, one per item ({@code [[1586.0]]}, or tagged with its source and index), or one
 * JSON array of them, one element per line, valid JSON even when empty.
 */
final class JsonWriter implements ResultWriter {
    private final Output out;
    private final boolean withSource;
    private final boolean array;
    private boolean first = true;

    JsonWriter(Output out, boolean withSource, boolean array) {
        this.out = out;
        this.withSource = withSource;
        this.array = array;
    }

    @Override
    public void begin() {
        if (array) {
            out.write('[');
        }
    }

    @Override
    public void resume() {
        first = false;
    }

    @Override
    public void result(String source, long item, Matrix result) {
        separate();
        JsonText.result(out, withSource, source, item, result, null);
        close();
    }

    @Override
    public void rendered(String source, long item, ByteBuffer rows) {
        separate();
        JsonText.result(out, withSource, source, item, null, rows);
        close();
    }

    @Override
    public void error(StrompyError error) {
        separate();
        JsonText.error(out, error);
        close();
    }

    private void separate() {
        if (array) {
            out.ascii(first ? "\n" : ",\n");
        }
        first = false;
    }

    private void close() {
        if (!array) {
            out.write('\n');
        }
    }

    @Override
    public void end() {
        if (array) {
            out.ascii(first ? "]\n" : "\n]\n");
        }
    }
}

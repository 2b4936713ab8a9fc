package dev.strompy.write;

import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;

/** One JSON array of all results, one element per line, valid JSON even when empty. */
final class JsonArrayWriter implements ResultWriter {
    private final Output out;
    private final boolean withSource;
    private boolean first = true;

    JsonArrayWriter(Output out, boolean withSource) {
        this.out = out;
        this.withSource = withSource;
    }

    @Override
    public void begin() {
        out.write('[');
    }

    private void separate() {
        out.ascii(first ? "\n" : ",\n");
        first = false;
    }

    @Override
    public void result(String source, long item, Matrix result) {
        separate();
        JsonText.result(out, withSource, source, item, result);
    }

    @Override
    public void error(StrompyError error) {
        separate();
        JsonText.error(out, error);
    }

    @Override
    public void end() {
        out.ascii(first ? "]\n" : "\n]\n");
    }
}

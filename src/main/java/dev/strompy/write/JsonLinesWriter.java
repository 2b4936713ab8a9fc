package dev.strompy.write;

import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;

/** One line per item: {@code [[1586.0]]}, or tagged with its source and index. */
final class JsonLinesWriter implements ResultWriter {
    private final Output out;
    private final boolean withSource;

    JsonLinesWriter(Output out, boolean withSource) {
        this.out = out;
        this.withSource = withSource;
    }

    @Override
    public void begin() {
    }

    @Override
    public void result(String source, long item, Matrix result) {
        JsonText.result(out, withSource, source, item, result);
        out.write('\n');
    }

    @Override
    public void error(StrompyError error) {
        JsonText.error(out, error);
        out.write('\n');
    }

    @Override
    public void end() {
    }
}

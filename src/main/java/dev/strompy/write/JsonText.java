package dev.strompy.write;

import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;
import tools.jackson.core.io.JsonStringEncoder;

/** The JSON text of results and error records, shared by the JSON writers. */
final class JsonText {
    private JsonText() {
    }

    /** {@code [[1.0, 2.0], [3.0, 4.0]]} without spaces, rows as nested arrays. */
    static void matrix(Output out, Matrix m) {
        double[] d = m.data();
        int cols = m.cols();
        out.write('[');
        for (int i = 0; i < m.rows(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write('[');
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                if (j > 0) {
                    out.write(',');
                }
                out.number(d[base + j]);
            }
            out.write(']');
        }
        out.write(']');
    }

    /**
     * A JSON string literal, quoted and escaped; a lone surrogate, which UTF-8 cannot encode, is
     * written as its {@code \\uXXXX} escape, so the record is valid JSON whatever the string.
     */
    static void string(Output out, String s) {
        out.write('"');
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                out.write(JsonStringEncoder.getInstance().quoteAsUTF8(s.substring(start, i)));
                out.ascii(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                start = i + 1;
            }
        }
        out.write(JsonStringEncoder.getInstance().quoteAsUTF8(s.substring(start)));
        out.write('"');
    }

    /** A result as the JSON formats print it: bare rows, or {@code {"source":"a.json","item":0,"result":[[...]]}}. */
    static void result(Output out, boolean withSource, String source, long item, Matrix m) {
        if (!withSource) {
            matrix(out, m);
            return;
        }
        out.ascii("{\"source\":");
        string(out, source);
        out.ascii(",\"item\":");
        out.ascii(Long.toString(item));
        out.ascii(",\"result\":");
        matrix(out, m);
        out.write('}');
    }

    /**
     * {@code {"error":{"type":"shape","message":"...","source":"-","item":3,"op":1,...}}}:
     * fields that are not known are left out.
     */
    static void error(Output out, StrompyError e) {
        out.ascii("{\"error\":{\"type\":");
        string(out, e.type().id());
        out.ascii(",\"message\":");
        string(out, e.detail());
        if (e.source() != null) {
            out.ascii(",\"source\":");
            string(out, e.source());
        }
        field(out, "item", e.item());
        field(out, "op", e.op());
        if (e.code() != null) {
            out.ascii(",\"code\":");
            string(out, e.code());
        }
        field(out, "line", e.line());
        field(out, "column", e.column());
        out.ascii("}}");
    }

    private static void field(Output out, String name, long value) {
        if (value >= 0) {
            out.ascii(",\"" + name + "\":" + value);
        }
    }
}

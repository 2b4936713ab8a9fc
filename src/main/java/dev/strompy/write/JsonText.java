package dev.strompy.write;

import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;
import java.nio.ByteBuffer;
import java.util.Arrays;
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

    /** {@return the text {@link #matrix} writes, as bytes}: a result's rows, from any thread */
    static byte[] matrix(int rows, int cols, double[] d) {
        byte[] b = new byte[d.length * (Shortest.MAX_LENGTH + 1) + 2 * rows + 1];
        int p = 0;
        b[p++] = '[';
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                b[p++] = ',';
            }
            b[p++] = '[';
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                if (j > 0) {
                    b[p++] = ',';
                }
                p = Shortest.write(d[base + j], b, p);
            }
            b[p++] = ']';
        }
        b[p++] = ']';
        return Arrays.copyOf(b, p);
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

    /**
     * A result as the JSON formats print it: bare rows, or {@code {"source":"a.json","item":0,"result":[[...]]}};
     * the rows' text made already ({@link #matrix(int, int, double[])}) or, when {@code text} is null, here.
     */
    static void result(Output out, boolean withSource, String source, long item, Matrix m, ByteBuffer text) {
        if (withSource) {
            out.ascii("{\"source\":");
            string(out, source);
            out.ascii(",\"item\":");
            out.ascii(Long.toString(item));
            out.ascii(",\"result\":");
        }
        if (text != null) {
            out.write(text);
        } else {
            matrix(out, m);
        }
        if (withSource) {
            out.write('}');
        }
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

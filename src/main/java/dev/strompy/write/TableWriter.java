package dev.strompy.write;

import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;

/**
 * Tables for people, numpy-like: a header per item ({@code # item 0 (4x3)}), the rows with each
 * column aligned on the decimal point, a blank line between items. Widths come from a first pass
 * over the entries, so a large matrix is printed without holding its text in memory.
 */
final class TableWriter implements ResultWriter {
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[1;31m";
    private static final String RESET = "\u001b[0m";

    private final Output out;
    private final TableStyle style;
    private boolean first = true;

    TableWriter(Output out, TableStyle style) {
        this.out = out;
        this.style = style;
    }

    @Override
    public void resume() {
        first = false;
    }

    private void separate() {
        if (!first) {
            out.write('\n');
        }
        first = false;
    }

    private String place(String source, long item) {
        return (style.alwaysNameSource() ? source + ": " : "") + "item " + item;
    }

    @Override
    public void result(String source, long item, Matrix m) {
        separate();
        line((style.color() ? BOLD : "") + "# " + place(source, item) + " (" + m.shape() + ")" + (style.color() ? RESET : ""));
        Cells cells = new Cells(m, style.digits());
        int cols = m.cols();
        int[] left = new int[cols];
        int[] right = new int[cols];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < cols; j++) {
                String t = cells.text(m.get(i, j));
                int p = Cells.point(t);
                left[j] = Math.max(left[j], p);
                right[j] = Math.max(right[j], t.length() - p);
            }
        }
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < m.rows(); i++) {
            row.setLength(0);
            for (int j = 0; j < cols; j++) {
                String t = cells.text(m.get(i, j));
                int p = Cells.point(t);
                row.append(" ".repeat(left[j] - p + (j == 0 ? 0 : 2))).append(t);
                if (j < cols - 1) {
                    row.append(" ".repeat(right[j] - (t.length() - p)));
                }
            }
            line(row.toString());
        }
    }

    @Override
    public void error(StrompyError e) {
        separate();
        String where = e.op() >= 0 ? "op " + e.op() + (e.code() != null ? " (" + e.code() + ")" : "") + ": " : "";
        String text = "! " + place(e.source(), e.item()) + ": " + e.type().id() + " error: " + where + e.detail();
        line(style.color() ? RED + text + RESET : text);
    }

    private void line(String s) {
        out.utf8(s);
        out.write('\n');
    }
}

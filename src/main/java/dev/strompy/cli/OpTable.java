package dev.strompy.cli;

import dev.strompy.eval.OpCode;

/** The op catalogue rendered for people, as {@code --list-ops} text. */
public final class OpTable {
    private OpTable() {
    }

    /** Aligned columns: code, rhs, shape rule, meaning. */
    public static String text() {
        String[] head = {"code", "rhs", "shape", "meaning"};
        int[] width = new int[3];
        for (int i = 0; i < 3; i++) {
            width[i] = head[i].length();
        }
        for (OpCode op : OpCode.values()) {
            String[] cells = cells(op);
            for (int i = 0; i < 3; i++) {
                width[i] = Math.max(width[i], cells[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        row(sb, head, width);
        for (OpCode op : OpCode.values()) {
            row(sb, cells(op), width);
        }
        return sb.toString();
    }

    /** Every code, comma-separated, in catalogue order. */
    public static String codes() {
        StringBuilder sb = new StringBuilder();
        for (OpCode op : OpCode.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(op.code());
        }
        return sb.toString();
    }

    private static String[] cells(OpCode op) {
        return new String[] {op.code(), op.rhs().label(), op.shapeRule(), op.meaning()};
    }

    private static void row(StringBuilder sb, String[] cells, int[] width) {
        for (int i = 0; i < 3; i++) {
            sb.append(cells[i]);
            sb.append(" ".repeat(width[i] - cells[i].length() + 2));
        }
        sb.append(cells[3]).append('\n');
    }
}

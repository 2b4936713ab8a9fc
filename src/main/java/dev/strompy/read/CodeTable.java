package dev.strompy.read;

import dev.strompy.eval.OpCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Op codes found from their ASCII bytes with no String made for each op (an open-addressing table, a quarter full). */
final class CodeTable {
    private static final int SLOTS = 256;
    private static final byte[][] NAMES = new byte[SLOTS][];
    private static final OpCode[] CODES = new OpCode[SLOTS];

    static {
        for (OpCode op : OpCode.values()) {
            byte[] name = op.code().getBytes(StandardCharsets.US_ASCII);
            int i = hash(name, 0, name.length);
            while (NAMES[i] != null) {
                i = (i + 1) & (SLOTS - 1);
            }
            NAMES[i] = name;
            CODES[i] = op;
        }
    }

    private CodeTable() {
    }

    /** The op whose code is {@code bytes[from, to)}, or null. */
    static OpCode find(byte[] bytes, int from, int to) {
        for (int i = hash(bytes, from, to); NAMES[i] != null; i = (i + 1) & (SLOTS - 1)) {
            if (Arrays.equals(NAMES[i], 0, NAMES[i].length, bytes, from, to)) {
                return CODES[i];
            }
        }
        return null;
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = to - from;
        for (int k = from; k < to; k++) {
            h = h * 31 + bytes[k];
        }
        return (h ^ h >>> 8) & (SLOTS - 1);
    }
}

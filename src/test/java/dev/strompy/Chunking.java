package dev.strompy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How a test cuts input into chunks for a push decoder: whole, one byte at a time, or random
 * sizes (0 to 3 or 0 to 128 bytes, empty chunks included) from a fixed seed, named in failures.
 */
public enum Chunking {
    WHOLE(0, 0),
    BYTE_AT_A_TIME(1, 1),
    RANDOM_0_3(0, 3),
    RANDOM_0_128(0, 128);

    private final int min;
    private final int max;

    Chunking(int min, int max) {
        this.min = min;
        this.max = max;
    }

    /** The chunks of {@code bytes}; {@code seed} drives the random sizes. */
    public List<byte[]> cut(byte[] bytes, long seed) {
        List<byte[]> chunks = new ArrayList<>();
        if (this == WHOLE) {
            chunks.add(bytes);
            return chunks;
        }
        Random random = new Random(seed);
        for (int i = 0; i < bytes.length;) {
            int n = Math.min(bytes.length - i, min + random.nextInt(max - min + 1));
            byte[] chunk = new byte[n];
            System.arraycopy(bytes, i, chunk, 0, n);
            chunks.add(chunk);
            i += n;
        }
        return chunks;
    }

    public List<byte[]> cut(byte[] bytes) {
        return cut(bytes, 42);
    }
}

package dev.strompy.write;

import java.nio.charset.StandardCharsets;

/** The one number formatter: the shortest text that parses back to the same double. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * {@return {@code 1586.0}, {@code 0.30000000000000004}, {@code 1.0E-5}: integral values keep a
     * {@code .0}, and the text parses back to {@code d} exactly} Not for NaN or infinities.
     */
    public static String shortest(double d) {
        byte[] text = new byte[Shortest.MAX_LENGTH];
        return new String(text, 0, Shortest.write(d, text, 0), StandardCharsets.ISO_8859_1);
    }
}

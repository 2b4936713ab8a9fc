package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/** Drops a leading UTF-8 byte order mark, which some editors write and JSON allows readers to ignore. */
final class Bom {
    private static final byte[] UTF8 = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Bom() {
    }

    static InputStream skip(InputStream in) {
        PushbackInputStream p = new PushbackInputStream(in, UTF8.length);
        byte[] head = new byte[UTF8.length];
        int n = 0;
        try {
            while (n < head.length) {
                int b = p.read();
                if (b < 0 || (byte) b != UTF8[n]) {
                    if (b >= 0) {
                        p.unread(b);
                    }
                    p.unread(head, 0, n);
                    return p;
                }
                head[n++] = (byte) b;
            }
        } catch (IOException e) {
            throw new StrompyError(ErrorType.IO, "read error: " + e.getMessage(), e);
        }
        return p;
    }
}

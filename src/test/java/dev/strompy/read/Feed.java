package dev.strompy.read;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** How a test feeds input to a reader: all at once, or one byte per read call. */
enum Feed {
    WHOLE,
    BYTE_AT_A_TIME;

    InputStream of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    InputStream of(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        if (this == WHOLE) {
            return in;
        }
        return new InputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len == 0 ? 0 : in.read(b, off, 1);
            }
        };
    }
}

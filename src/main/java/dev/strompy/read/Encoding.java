package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Holds input to UTF-8: drops a leading byte order mark, and refuses UTF-16 and UTF-32, which
 * jackson-core would otherwise detect and decode.
 *
 * <p>It looks at up to four bytes before the first item is parsed; nothing is waiting to be
 * written then, so peeking ahead can hold back no result.
 */
final class Encoding {
    private static final int PEEK = 4;

    private Encoding() {
    }

    /**
     * @return the same bytes, less a UTF-8 byte order mark
     * @throws StrompyError (syntax) for a UTF-16 or UTF-32 byte order mark or NUL bytes
     *     at the start, which no UTF-8 JSON text has; (io) on a read error
     */
    static InputStream utf8(InputStream in) {
        PushbackInputStream p = new PushbackInputStream(in, PEEK);
        byte[] head = new byte[PEEK];
        int n = 0;
        try {
            for (int b; n < PEEK && (b = p.read()) >= 0;) {
                head[n++] = (byte) b;
            }
            if (n >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
                p.unread(head, 3, n - 3);
                return p;
            }
            if (n >= 1 && (head[0] == (byte) 0xFE || head[0] == (byte) 0xFF)) {
                throw notUtf8();
            }
            for (int i = 0; i < n; i++) {
                if (head[i] == 0) {
                    throw notUtf8();
                }
            }
            p.unread(head, 0, n);
            return p;
        } catch (IOException e) {
            throw new StrompyError(ErrorType.IO, "read error: " + e.getMessage(), e);
        }
    }

    private static StrompyError notUtf8() {
        return new StrompyError(ErrorType.SYNTAX, "input is not UTF-8 (it looks like UTF-16 or UTF-32)")
                .atPosition(1, 1);
    }
}

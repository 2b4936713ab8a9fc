package dev.strompy.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputTest {
    @Test
    void buffersUntilFullOrFlushed() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Output out = new Output(sink, 8);
        out.ascii("1234567");
        assertEquals(0, sink.size());
        out.ascii("89");
        assertEquals(8, sink.size());
        out.write("a longer run than the buffer".getBytes(StandardCharsets.US_ASCII));
        out.utf8("·");
        out.flush();
        assertEquals("123456789a longer run than the buffer·", sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailureIsTypedAndSticky() {
        int[] calls = {0};
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                calls[0]++;
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                write(0);
            }
        };
        Output out = new Output(broken, 4);
        out.ascii("abc");
        out.flushIfPossible();
        StrompyError e = assertThrows(StrompyError.class, out::flush);
        assertEquals(ErrorType.BROKEN_PIPE, e.type());
        assertSame(e, assertThrows(StrompyError.class, () -> out.ascii("more than four")));
        assertSame(e, assertThrows(StrompyError.class, out::flush));
        assertEquals(1, calls[0], "nothing is retried on a dead stream");
    }
}

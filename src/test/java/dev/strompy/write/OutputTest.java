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
        Output out = new Output(sink, 8, false);
        out.ascii("1234567");
        assertEquals(0, sink.size());
        out.ascii("89");
        assertEquals(7, sink.size(), "a string that does not fit sends the buffer first");
        out.write("a longer run than the buffer".getBytes(StandardCharsets.US_ASCII));
        out.utf8("·");
        out.flush();
        assertEquals("123456789a longer run than the buffer·", sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void numbersAreWrittenExactlyAsTheShortestText() {
        java.util.Random random = new java.util.Random(7);
        double[] special = {0.0, -0.0, 1, -1, 9, 10, 9_999_999, -9_999_999, 10_000_000, 1e7 + 0.5, 0.5, 1586,
            Long.MAX_VALUE, Long.MIN_VALUE, 1e300, Double.MIN_VALUE, 123456.789};
        java.util.List<String> want = new java.util.ArrayList<>();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Output out = new Output(sink, 16, false);
        for (int i = 0; i < special.length + 20_000; i++) {
            double d = i < special.length ? special[i]
                    : i % 2 == 0 ? random.nextInt(20_000_001) - 10_000_000 : Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(d)) {
                continue;
            }
            out.number(d);
            out.write(' ');
            want.add(Numbers.shortest(d));
        }
        out.flush();
        String[] got = sink.toString(StandardCharsets.US_ASCII).split(" ");
        assertEquals(want.size(), got.length);
        for (int i = 0; i < got.length; i++) {
            assertEquals(want.get(i), got[i], "number " + i);
        }
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
        Output out = new Output(broken, 4, true);
        out.ascii("abc");
        out.flushIfPossible();
        StrompyError e = assertThrows(StrompyError.class, out::flush);
        assertEquals(ErrorType.BROKEN_PIPE, e.type());
        assertSame(e, assertThrows(StrompyError.class, () -> out.ascii("more than four")));
        assertSame(e, assertThrows(StrompyError.class, out::flush));
        assertEquals(1, calls[0], "nothing is retried on a dead stream");
    }
}

package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrompyDecoderTest {
    private static final byte[] TWO = "{\"lhs\":[[1,2]],\"op\":[{\"code\":\"transpose\"}]}\n{\"lhs\":[[3]],\"op\":[]}\n"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void outcomesComeAsSoonAsTheirItemIsComplete() {
        try (StrompyDecoder d = new StrompyDecoder("upload")) {
            assertNull(d.next());
            assertFalse(d.isFinished());
            d.feed(TWO, 0, 30);
            assertNull(d.next());
            assertTrue(d.needsInput());
            d.feed(ByteBuffer.wrap(TWO, 30, TWO.length - 30));
            Outcome first = d.next();
            assertArrayEquals(new double[][] {{1}, {2}}, first.orThrow());
            assertEquals("upload", first.source());
            assertEquals(0, first.item());
            assertEquals(1, d.next().item());
            assertNull(d.next());
            assertFalse(d.isFinished(), "more items may come until the input ends");
            d.endOfInput();
            assertNull(d.next());
            assertTrue(d.isFinished());
            assertFalse(d.needsInput());
        }
    }

    @Test
    void aFailedItemIsAnOutcomeInItsPlaceAndDecodingGoesOn() {
        byte[] in = "{\"lhs\":[[1]],\"op\":[{\"code\":\"mul\",\"rhs\":[[1,2],[3,4]]}]}\n{\"lhs\":[[5]],\"op\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        try (StrompyDecoder d = new StrompyDecoder()) {
            d.feed(in, 0, in.length);
            d.endOfInput();
            Outcome bad = d.next();
            assertTrue(bad.failed());
            assertNull(bad.result());
            assertEquals(ErrorType.SHAPE, bad.error().type());
            assertEquals("-:1:20: item 0, op 0 (mul): shape mismatch: 1x1 · 2x2", bad.error().describe());
            StrompyError thrown = assertThrows(StrompyError.class, bad::orThrow);
            assertEquals(bad.error(), thrown);
            assertArrayEquals(new double[][] {{5}}, d.next().result());
            assertTrue(d.isFinished() || d.next() == null);
        }
    }

    @Test
    void aSyntaxErrorInAnArrayIsTheLastOutcome() {
        byte[] in = "[{\"lhs\":[[1]],\"op\":[]}, {\"lhs\":[[1]] \"op\":[]}, {\"lhs\":[[2]],\"op\":[]}]"
                .getBytes(StandardCharsets.UTF_8);
        try (StrompyDecoder d = new StrompyDecoder()) {
            d.feed(in, 0, in.length);
            assertFalse(d.next().failed());
            Outcome syntax = d.next();
            assertEquals(ErrorType.SYNTAX, syntax.error().type());
            assertNull(d.next());
            assertTrue(d.isFinished(), "finished without endOfInput");
        }
    }

    @Test
    void misuseIsAnIllegalStateException() {
        StrompyDecoder d = new StrompyDecoder();
        d.endOfInput();
        assertThrows(IllegalStateException.class, () -> d.feed(new byte[1], 0, 1));
        assertThrows(IllegalStateException.class, () -> d.feed(ByteBuffer.allocate(1)));
        assertThrows(IndexOutOfBoundsException.class, () -> new StrompyDecoder().feed(new byte[2], 1, 2));
        d.close();
        d.close();
        assertNull(d.next());
        assertTrue(d.isFinished());
        assertThrows(IllegalStateException.class, d::endOfInput);
        StrompyDecoder open = new StrompyDecoder();
        open.feed(TWO, 0, 10);
        open.close();
        assertThrows(IllegalStateException.class, () -> open.feed(TWO, 0, 1));
        assertEquals(0, open.buffered(), "close releases the bytes held");
        assertNull(open.next());
    }

    @Test
    void feedCopiesWhatItKeeps() {
        byte[] chunk = TWO.clone();
        try (StrompyDecoder d = new StrompyDecoder()) {
            d.feed(chunk, 0, chunk.length);
            java.util.Arrays.fill(chunk, (byte) 'x');
            d.endOfInput();
            assertArrayEquals(new double[][] {{1}, {2}}, d.next().result());
        }
    }
}

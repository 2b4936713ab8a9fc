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

    /** Renders a result as its shape and entries, and notes the thread it ran on. */
    private static final class Shapes implements Renderer {
        final java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public byte[] render(int rows, int cols, double[] values) {
            threads.add(Thread.currentThread().getName());
            return (rows + "x" + cols + java.util.Arrays.toString(values)).getBytes(StandardCharsets.US_ASCII);
        }
    }

    @Test
    void aRendererMakesEachResultsBytesOnTheThreadThatEvaluatedIt() {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            input.append(i % 50 == 7 ? "{\"lhs\":[[1,2]],\"op\":[{\"code\":\"inv\"}]}\n"
                    : "{\"lhs\":[[" + i + ",2]],\"op\":[{\"code\":\"transpose\"}]}\n");
        }
        byte[] bytes = input.toString().getBytes(StandardCharsets.UTF_8);
        for (int jobs : new int[] {1, 3}) {
            Shapes shapes = new Shapes();
            int failed = 0;
            try (StrompyDecoder d = StrompyDecoder.builder().jobs(jobs).batchBytes(64).render(shapes).build()) {
                d.feed(bytes, 0, bytes.length);
                d.endOfInput();
                for (Outcome o = d.take(); o != null; o = d.take()) {
                    if (o.failed()) {
                        assertNull(o.rendered(), "a failed item has no bytes");
                        failed++;
                        continue;
                    }
                    ByteBuffer text = o.rendered();
                    assertTrue(text.isReadOnly());
                    byte[] got = new byte[text.remaining()];
                    text.get(got);
                    assertEquals(o.rows() + "x" + o.columns() + java.util.Arrays.toString(o.values()),
                            new String(got, StandardCharsets.US_ASCII));
                    assertEquals(got.length, o.rendered().remaining(), "each call gives a view from the start");
                }
            }
            assertEquals(4, failed);
            String caller = Thread.currentThread().getName();
            if (jobs == 1) {
                assertEquals(java.util.Set.of(caller), shapes.threads);
            } else {
                assertTrue(shapes.threads.stream().anyMatch(t -> t.startsWith("strompy-decode")), shapes.threads.toString());
            }
        }
        try (StrompyDecoder d = new StrompyDecoder()) {
            d.feed(TWO, 0, TWO.length);
            assertNull(d.next().rendered(), "no renderer, no bytes");
        }
    }

    @Test
    void whatARendererThrowsTheDecoderThrows() {
        for (int jobs : new int[] {1, 2}) {
            try (StrompyDecoder d = StrompyDecoder.builder().jobs(jobs).render((rows, cols, values) -> {
                throw new IllegalStateException("renderer failed");
            }).build()) {
                d.feed(TWO, 0, TWO.length);
                d.endOfInput();
                IllegalStateException e = assertThrows(IllegalStateException.class, d::take);
                assertEquals("renderer failed", e.getMessage());
            }
        }
    }
}

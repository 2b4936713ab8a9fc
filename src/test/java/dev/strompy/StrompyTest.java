package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrompyTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void execReturnsEveryResultLikeTheArticlesPythonExec() {
        double[][][] all = Strompy.exec(bytes("[{\"lhs\":{\"d\":[1,2,3,4,5,6,7,8,9,10,11,12],\"n\":3},"
                + "\"op\":[{\"code\":\"dot\",\"rhs\":{\"d\":[13,14,15,16,17,18,19,20,21,22,23,24],\"n\":3}}]},"
                + "{\"lhs\":[[1,2]],\"op\":[{\"code\":\"transpose\"}]}]"));
        assertEquals(2, all.length);
        assertArrayEquals(new double[][] {{1586}}, all[0]);
        assertArrayEquals(new double[][] {{1}, {2}}, all[1]);
    }

    @Test
    void resultsAreLazyAndStopAtTheFirstFailure() {
        // The second item is cut short: the first result is still handed out before the failure.
        Iterator<double[][]> it = Strompy.results(new ByteArrayInputStream(
                bytes("{\"lhs\":[[1]],\"op\":[]}\n{\"lhs\":[[2]],\"op\":[{\"code\":\"mul\",\"rhs\":[[1],[2]]}]}\n")));
        assertTrue(it.hasNext());
        assertArrayEquals(new double[][] {{1}}, it.next());
        StrompyError e = assertThrows(StrompyError.class, it::hasNext);
        assertEquals(ErrorType.SHAPE, e.type());
        assertEquals(1, e.item());
        assertEquals("-:2:20: item 1, op 0 (mul): shape mismatch: 1x1 · 2x1", e.describe());
    }

    @Test
    void evaluateHandsOutEachResultBeforeReadingTheNext() {
        List<double[][]> seen = new ArrayList<>();
        var first = new ByteArrayInputStream(bytes("{\"lhs\":[[3]],\"op\":[]}"));
        List<Integer> seenAtFirstRead = new ArrayList<>();
        var second = new ByteArrayInputStream(bytes("{\"lhs\":[[4]],\"op\":[]}")) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                if (seenAtFirstRead.isEmpty()) {
                    seenAtFirstRead.add(seen.size());
                }
                return super.read(b, off, len);
            }
        };
        Strompy.evaluate(new SequenceInputStream(first, second), seen::add);
        assertEquals(List.of(1), seenAtFirstRead, "first result delivered before the second item is read");
        assertEquals(2, seen.size());
    }
}

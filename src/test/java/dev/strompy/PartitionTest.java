package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.error.ErrorType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionTest {
    @Test
    void linesGiveOneOutcomeEachWithGlobalItemNumbersAndFailuresInPlace() {
        List<String> lines = List.of(
                "{\"lhs\":[[1,2]],\"op\":[{\"code\":\"transpose\"}]}",
                "{\"lhs\":[[1,2]],\"op\":[{\"code\":\"mul\",\"rhs\":[[1,2]]}]}",
                "not json",
                "",
                "{\"lhs\":[[4]],\"op\":[{\"code\":\"scale\",\"rhs\":2}]}");
        List<Outcome> got = new ArrayList<>();
        Strompy.partition(lines.iterator(), "items.ndjson#3", 1000).forEachRemaining(got::add);
        assertEquals(4, got.size());
        assertArrayEquals(new double[][] {{1}, {2}}, got.get(0).result());
        assertEquals(1000, got.get(0).item());
        assertEquals(ErrorType.SHAPE, got.get(1).error().type());
        assertEquals("items.ndjson#3:2:22: item 1001, op 0 (mul): shape mismatch: 1x2 · 1x2", got.get(1).error().describe());
        assertEquals(ErrorType.SYNTAX, got.get(2).error().type());
        assertEquals(1002, got.get(2).item());
        assertArrayEquals(new double[][] {{8}}, got.get(3).result());
        assertEquals(1003, got.get(3).item());
        assertEquals("items.ndjson#3", got.get(3).source());
    }

    @Test
    void linesAreReadOnlyAsOutcomesAreTaken() {
        List<Integer> read = new ArrayList<>();
        Iterator<String> lines = new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < 3;
            }

            @Override
            public String next() {
                read.add(i);
                return "{\"lhs\":[[" + i++ + "]],\"op\":[]}";
            }
        };
        Iterator<Outcome> outcomes = Strompy.partition(lines, "p", 0);
        assertTrue(outcomes.hasNext());
        assertEquals(List.of(0), read, "one line for the first outcome");
        outcomes.next();
        outcomes.next();
        outcomes.next();
        assertFalse(outcomes.hasNext());
    }
}

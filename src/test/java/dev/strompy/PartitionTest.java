package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.error.ErrorType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class PartitionTest {
    private static final String[] LINES = {
        "{\"lhs\":[[1,2]],\"op\":[{\"code\":\"transpose\"}]}",
        "{\"lhs\":[[1,2],[3,4]],\"op\":[{\"code\":\"mul\",\"rhs\":[[0.5],[2]]},{\"code\":\"norm\"}]}",
        "{\"lhs\":[[1,2]],\"op\":[{\"code\":\"mul\",\"rhs\":[[1,2]]}]}",
        "{\"lhs\":[[1,2]],\"op\":[{\"code\":\"mull\"}]}",
        "{\"op\":[{\"code\":\"scale\",\"rhs\":3}],\"lhs\":{\"d\":[1,2,3,4],\"n\":2}}",
        "{\"lhs\":[[1e308]],\"op\":[{\"code\":\"scale\",\"rhs\":10}]}",
        "{\"lhs\":[[1,2]],\"op\":[{\"code\":",
        "not json",
        "",
        "{\"lhs\":\"a matrix\",\"op\":[]}",
    };

    /**
     * Any split of an NDJSON input on line boundaries, each part evaluated on its own with the
     * number of its first item, gives the outcomes of the whole, item for item.
     */
    @RepeatedTest(60)
    void anySplitGivesWhatTheWholeGives(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<String> lines = new ArrayList<>();
        for (int i = 0, n = random.nextInt(200); i < n; i++) {
            lines.add(LINES[random.nextInt(LINES.length)]);
        }
        List<String> whole = summaries(Strompy.partition(lines.iterator(), "whole", 0));

        int parts = 1 + random.nextInt(8);
        List<Integer> cuts = new ArrayList<>(List.of(0, lines.size()));
        for (int i = 1; i < parts; i++) {
            cuts.add(random.nextInt(lines.size() + 1));
        }
        cuts.sort(null);
        List<String> pieced = new ArrayList<>();
        long items = 0;
        for (int i = 0; i + 1 < cuts.size(); i++) {
            List<String> part = lines.subList(cuts.get(i), cuts.get(i + 1));
            pieced.addAll(summaries(Strompy.partition(part.iterator(), "part-" + i, items)));
            items += part.stream().filter(l -> !l.isEmpty()).count();
        }
        assertEquals(whole, pieced, "cut at " + cuts);
        assertEquals(lines.stream().filter(l -> !l.isEmpty()).count(), whole.size());
    }

    /**
     * An outcome without its source and line, which are the part's: its result, or its error and
     * place. A syntax error is only its type: what Jackson says of a line cut short depends on
     * what follows the cut (the next line, or the end of the part).
     */
    private static List<String> summaries(Iterator<Outcome> outcomes) {
        List<String> out = new ArrayList<>();
        outcomes.forEachRemaining(o -> out.add(o.item() + " " + (!o.failed()
                ? java.util.Arrays.deepToString(o.result())
                : o.error().type() == ErrorType.SYNTAX
                ? "SYNTAX"
                : o.error().type() + " " + o.error().detail() + " op " + o.error().op() + " column " + o.error().column())));
        return out;
    }

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

package dev.strompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Strings from the input never reach the terminal raw, never break a record, never cost much. */
class HostileInputTest {
    private static String item(String jsonCode) {
        return "{\"lhs\":[[1]],\"op\":[{\"code\":" + jsonCode + "}]}\n";
    }

    private static void assertNoControlBytes(String s) {
        for (char c : s.toCharArray()) {
            assertFalse(c < 0x20 && c != '\n', "raw control character " + (int) c + " in: " + s);
        }
    }

    @Test
    void escapeSequencesInACodeAreShownEscaped() {
        Run run = Run.of(item("\"\\u001b[31mred\""));
        assertEquals(65, run.exit());
        assertEquals("strompy: -:1:28: item 0, op 0: unknown op \"\\u001b[31mred\"; see strompy --list-ops\n", run.err());
        assertNoControlBytes(run.err());
    }

    @Test
    void aNewlineInACodeCannotForgeASecondLine() {
        Run run = Run.of(item("\"x\\nstrompy: all good\""), "-k");
        assertEquals(2, run.err().lines().count() + 1, run.err());
        assertTrue(run.err().contains("\"x\\nstrompy: all good\""), run.err());
        assertNoControlBytes(run.out());
    }

    @Test
    void aLoneSurrogateGivesAValidRecord() throws IOException {
        Run run = Run.of(item("\"\\ud800x\"") + "{\"lhs\":[[2]],\"op\":[]}\n", "-k");
        assertEquals(65, run.exit(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals(2, lines.length, run.out());
        assertTrue(lines[0].contains("unknown op \\\"\\\\ud800x\\\""), lines[0]);
        for (String line : lines) {
            try (JsonParser p = JsonFactory.builder().build().createParser(ObjectReadContext.empty(),
                    line.getBytes(StandardCharsets.UTF_8))) {
                while (p.nextToken() != null) {
                    // a record that is not valid JSON throws here
                }
            }
        }
        assertEquals("[[2.0]]", lines[1]);
    }

    @Test
    void aLongCodeIsAnOpErrorWithoutASuggestionAndAShortQuote() {
        String code = "transpose".repeat(1000);
        long start = System.nanoTime();
        Run run = Run.of(item("\"" + code + "\""));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "no edit distance on long input");
        assertEquals(65, run.exit());
        assertEquals("strompy: -:1:28: item 0, op 0: op code too long: 9000 characters, codes have at most 64 (\""
                + code.substring(0, 40) + "...\")\n", run.err());
    }

    @Test
    void aHugeStringIsRefusedWhileItIsRead() {
        String huge = "x".repeat(10_000_000);
        Run run = Run.of(item("\"" + huge + "\"") + "{\"lhs\":[[2]],\"op\":[]}\n", "-k");
        assertEquals(65, run.exit());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().length() < 400, run.err());
        assertTrue(run.err().contains("exceeds the maximum allowed (65536"), run.err());
        assertTrue(run.out().endsWith("[[2.0]]\n"), "the next line is read: " + run.out());
    }
}

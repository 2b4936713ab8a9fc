package dev.strompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed input never gives anything but the documented exit codes, and never loses results. */
class RobustnessTest {
    private static final List<String> ITEMS = List.of(
            "{\"lhs\": [[1, 2], [3, 4]], \"op\": [{\"code\": \"mul\", \"rhs\": [[5], [6]]}]}",
            "{\"op\": [{\"rhs\": 2.5, \"code\": \"scale\"}], \"lhs\": {\"n\": 2, \"d\": [1, -2, 3e2, 4.5]}}",
            "{\"lhs\": {\"d\": [1, 2, 3, 4, 5, 6], \"n\": 3}, \"op\": [{\"code\": \"transpose\"}, {\"code\": \"dot\", \"rhs\": [[1, 2], [3, 4], [5, 6]]}]}",
            "{\"lhs\": [[-0.0, 0.1]], \"op\": [{\"code\": \"add\", \"rhs\": [[1, 1]]}, {\"code\": \"sub\", \"rhs\": [[0.5, 0.5]]}]}",
            "{\"lhs\": [[7]], \"op\": []}");

    /** Each layout: the text, and the offset just past each item's closing brace. */
    private record Stream(String text, int[] itemEnds) {
        static Stream of(String open, String separator, String close) {
            StringBuilder sb = new StringBuilder(open);
            int[] ends = new int[ITEMS.size()];
            for (int i = 0; i < ITEMS.size(); i++) {
                if (i > 0) {
                    sb.append(separator);
                }
                sb.append(ITEMS.get(i));
                ends[i] = sb.length();
            }
            sb.append(close);
            return new Stream(sb.toString(), ends);
        }
    }

    private static List<String> lines(String out) {
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n", -1)).subList(0, out.split("\n", -1).length - 1);
    }

    private static void assertCleanError(Run run, String context) {
        assertFalse(run.err().contains("\tat "), context + ": stack trace\n" + run.err());
        assertFalse(run.err().contains("Exception"), context + ": exception name\n" + run.err());
        for (String line : lines(run.err())) {
            assertTrue(line.startsWith("strompy: "), context + ": " + line);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"array", "ndjson"})
    void everyPrefixGivesTheResultsSoFarAndACleanEndOrExit65(String layout) {
        Stream s = layout.equals("array") ? Stream.of("[\n", ",\n", "\n]\n") : Stream.of("", "\n", "\n");
        Run full = Run.of(s.text());
        assertEquals(0, full.exit(), full.err());
        List<String> all = lines(full.out());
        assertEquals(ITEMS.size(), all.size());
        for (int len = 0; len <= s.text().length(); len++) {
            String prefix = s.text().substring(0, len);
            Run run = Run.of(prefix);
            int complete = 0;
            while (complete < s.itemEnds().length && s.itemEnds()[complete] <= len) {
                complete++;
            }
            String context = layout + " prefix of " + len + " bytes";
            assertEquals(all.subList(0, complete), lines(run.out()), context);
            boolean clean = prefix.isBlank()
                    || (layout.equals("array") ? prefix.strip().equals(s.text().strip()) : prefix.strip().endsWith("}")
                            && complete > 0 && s.itemEnds()[complete - 1] == prefix.stripTrailing().length());
            assertEquals(clean ? 0 : 65, run.exit(), context + "\n" + run.err());
            assertCleanError(run, context);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void randomByteMutationsGiveOnly0Or65AndNoStackTrace(long seed) {
        Random random = new Random(seed);
        byte[] valid = String.join("\n", ITEMS).getBytes(StandardCharsets.UTF_8);
        byte[] alphabet = "{}[]:,\"0123456789.-+eE \n\\abcdnoprstuxlf".getBytes(StandardCharsets.US_ASCII);
        for (int trial = 0; trial < 500; trial++) {
            byte[] input = mutate(valid, random, alphabet);
            for (String mode : new String[] {"", "-k"}) {
                Run run = mode.isEmpty() ? Run.of(input) : Run.of(input, mode);
                String context = "seed " + seed + " trial " + trial + " " + mode + ": "
                        + new String(input, StandardCharsets.UTF_8);
                assertTrue(run.exit() == 0 || run.exit() == 65, context + " → exit " + run.exit() + "\n" + run.err());
                assertCleanError(run, context);
                if (run.exit() == 65) {
                    assertFalse(run.err().isEmpty(), context);
                }
            }
        }
    }

    private static byte[] mutate(byte[] valid, Random random, byte[] alphabet) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : valid) {
            bytes.add(b);
        }
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(bytes.size());
            byte b = random.nextInt(8) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            switch (random.nextInt(3)) {
                case 0 -> bytes.set(at, b);
                case 1 -> bytes.add(at, b);
                default -> bytes.remove(at);
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    @Test
    void keepGoingKeepsOutputLinesAlignedWithItems() {
        String input = String.join("\n", ITEMS.get(0), "{\"lhs\": [[1]], \"op\": [{\"code\": \"mul\", \"rhs\": [[1, 2], [3, 4]]}]}",
                "{\"lhs\": [[1]], \"bogus\": [[[[]]]], \"op\": []}", "17", ITEMS.get(4));
        Run run = Run.of(input, "-k");
        List<String> out = lines(run.out());
        assertEquals(5, out.size(), run.out());
        assertEquals("[[17.0],[39.0]]", out.get(0));
        assertTrue(out.get(1).startsWith("{\"error\":{\"type\":\"shape\""), out.get(1));
        assertTrue(out.get(2).startsWith("{\"error\":{\"type\":\"schema\""), out.get(2));
        assertTrue(out.get(3).startsWith("{\"error\":{\"type\":\"schema\""), out.get(3));
        assertEquals("[[7.0]]", out.get(4));
        assertEquals(65, run.exit());
        assertEquals(3, lines(run.err()).size());
    }
}

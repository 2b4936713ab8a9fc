package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.read.Lines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * A sequence of items cut at lines that start an item ({@link Strompy#partStart}), each part
 * decoded on its own from its first line and item ({@code firstLine}, {@code firstItem},
 * {@code endOfPart}), gives the outcomes of the whole source: results, item numbers, errors and
 * their places, also where a part cuts an item short or holds broken lines.
 */
class PartsTest {
    private static final String[] PIECES = {
        "{\"lhs\":[[1,2]],\"op\":[{\"code\":\"transpose\"}]}\n",
        "{\"lhs\":[[1,2],[3,4]],\"op\":[{\"code\":\"mul\",\"rhs\":[[0.5],[2]]}]}\r\n",
        "{ \"op\":[{\"code\":\"norm\"}],\n  \"lhs\":{\"d\":[1,2,3,4],\"n\":2}}\n",
        "{\"lhs\":[[1,2]],\"op\":[{\"code\":\"mull\"}]}\n",
        "{\"lhs\":[[1,2]],\"op\":[{\"code\":",
        "{\"lhs\":[[1,2]],\"op\":[]} {\"lhs\":[[3]],\"op\":[]}\n",
        "not json\n",
        "\n",
        "\r",
        "{\"lhs\":\"a\nstring broken by a line\"}\n",
        "]\n",
        "{\"lhs\":[[1e400]],\"op\":[]}\n",
        "\t{\"op\":[], \"lhs\":[[7]]}\n",
    };

    @RepeatedTest(100)
    void partsGiveWhatTheWholeGives(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = random.nextInt(60); i < n; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        byte[] input = sb.toString().getBytes(StandardCharsets.UTF_8);
        checkParts(input, random);
    }

    /** The inputs the fuzzer kept, and a few more that start or end awkwardly. */
    @Test
    void theFuzzersInputsToo() throws IOException {
        Random random = new Random(7);
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/dev/strompy/DecodingFuzzTestInputs/fuzz"))) {
            for (Path f : files.sorted().toList()) {
                checkParts(Files.readAllBytes(f), random);
            }
        }
        for (String s : new String[] {"\uFEFF{\"lhs\":[[1]],\"op\":[]}\n{\"lhs\":[[2]],\"op\":[]}\n",
                "\n{\"op\":[]}\n{\"lhs\":[[2]],\"op\":[]}", "{\"lhs\":[[1]],\n{\"lhs\":[[2]],\"op\":[]}\n{\"op\""}) {
            checkParts(s.getBytes(StandardCharsets.UTF_8), random);
        }
    }

    @Test
    void aPartStartsAfterALineFeedAtTheKey() {
        byte[] b = "x\n{\"lh\":1}\n{ \t\"op\":[]}\n{\"lhs\"".getBytes(StandardCharsets.UTF_8);
        int first = Strompy.partStart(b, 1, b.length);
        assertEquals(11, first);
        assertEquals(23, Strompy.partStart(b, first + 1, b.length));
        assertEquals(-1, Strompy.partStart(b, 24, b.length));
        // Too few bytes to see the key: not found here.
        assertEquals(-1, Strompy.partStart(b, 12, 26));
        assertThrows(IllegalArgumentException.class, () -> Strompy.partStart(b, 0, b.length));
    }

    /** A source can be cut unless it is one array, or its first bytes are refused as not UTF-8 (or are all blank). */
    @Test
    void whatCanBeCut() {
        String items = "{\"lhs\":[[1]],\"op\":[]}\n{\"lhs\":[[2]],\"op\":[]}\n";
        assertTrue(Strompy.cuttable(bytes(items), items.length()));
        assertTrue(Strompy.cuttable(bytes("\uFEFF" + items), items.length() + 3));
        assertFalse(Strompy.cuttable(bytes(" \n[" + items), items.length() + 3));
        byte[] nul = bytes("{\u0000}\n" + items);
        assertFalse(Strompy.cuttable(nul, nul.length));
        byte[] utf16 = items.getBytes(StandardCharsets.UTF_16);
        assertFalse(Strompy.cuttable(utf16, utf16.length));
        // Only the given bytes are looked at; blank space alone cannot tell.
        assertTrue(Strompy.cuttable(nul, 1));
        assertFalse(Strompy.cuttable(nul, 0));
        assertFalse(Strompy.cuttable(bytes(" \n\t\r"), 4));
        assertFalse(Strompy.cuttable(bytes("\uFEFF\n"), 4));
        assertThrows(IndexOutOfBoundsException.class, () -> Strompy.cuttable(nul, nul.length + 1));
        // Where it can not, cutting would give other outcomes than the whole's: only the first part sees the start.
        assertEquals(List.of("-1 ! syntax -:1:1: input is not UTF-8 (it looks like UTF-16 or UTF-32)"),
                outcomes(nul, 0, nul.length, 0, 1, false, 1));
        assertEquals(2, outcomes(nul, 4, nul.length, 0, 2, false, 1).size());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Cuts {@code input} at random part starts and checks every part against the whole, on one job and on three. */
    static void checkParts(byte[] input, Random random) {
        List<String> whole = outcomes(input, 0, input.length, 0, 1, false, 1);
        if (input.length <= 8 || !Strompy.cuttable(input, input.length)) {
            return;
        }
        List<Integer> cuts = new ArrayList<>();
        for (int at = Strompy.partStart(input, 8, input.length); at >= 0 && at + 1 < input.length;
                at = Strompy.partStart(input, at + 1, input.length)) {
            if (random.nextInt(3) > 0) {
                cuts.add(at);
            }
        }
        cuts.add(input.length);
        for (int jobs : new int[] {1, 3}) {
            List<String> parts = new ArrayList<>();
            int from = 0;
            for (int to : cuts) {
                long line = 1 + Lines.count(input, 0, from);
                parts.addAll(outcomes(input, from, to, parts.size(), line, to < input.length, jobs));
                from = to;
            }
            assertEquals(whole, parts, jobs + " jobs, cut at " + cuts + ":\n" + new String(input, StandardCharsets.UTF_8));
        }
    }

    private static List<String> outcomes(byte[] input, int from, int to, long firstItem, long firstLine, boolean partEnds,
            int jobs) {
        List<String> out = new ArrayList<>();
        try (StrompyDecoder d = StrompyDecoder.builder().firstItem(firstItem).firstLine(firstLine).jobs(jobs)
                .batchBytes(16).build()) {
            for (int i = from; i < to; i += 5) {
                d.feed(input, i, Math.min(5, to - i));
                take(d, out);
            }
            if (partEnds) {
                d.endOfPart();
            } else {
                d.endOfInput();
            }
            take(d, out);
            assertTrue(d.isFinished());
        }
        return out;
    }

    private static void take(StrompyDecoder d, List<String> out) {
        for (Outcome o = d.take(); o != null; o = d.take()) {
            out.add(o.failed() ? o.item() + " ! " + o.error().type().id() + " " + o.error().describe()
                    : o.item() + " " + Arrays.toString(o.values()));
        }
    }
}

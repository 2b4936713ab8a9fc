package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.error.ErrorType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same bytes give the same outcomes however they arrive: whole, a byte at a time, in random
 * chunks, read on several threads in blocks of any size, or as items longer than the frame
 * limit. Each case here once gave different outcomes, or an internal error, depending on that.
 */
class SameBytesSameOutcomesTest {
    /** One way the bytes may arrive and be decoded. */
    private record Way(String name, Chunking chunks, long seed, int jobs, int batch, Limits limits, boolean pausing) {
        Way(String name, Chunking chunks, long seed, int jobs, int batch, Limits limits) {
            this(name, chunks, seed, jobs, batch, limits, false);
        }
    }

    private static List<Way> ways() {
        List<Way> ways = new ArrayList<>();
        for (Chunking c : Chunking.values()) {
            for (long seed = 0; seed < (c == Chunking.WHOLE || c == Chunking.BYTE_AT_A_TIME ? 1 : 4); seed++) {
                ways.add(new Way(c + " seed " + seed, c, seed, 1, 0, Limits.DEFAULT));
            }
        }
        for (int batch : new int[] {1, 7, 40, 300}) {
            ways.add(new Way("3 jobs, blocks of " + batch, Chunking.RANDOM_0_128, batch, 3, batch, Limits.DEFAULT));
            // A producer that pauses after each chunk: everything fed is taken before the next.
            ways.add(new Way("3 jobs, pausing, blocks of " + batch, Chunking.RANDOM_0_128, batch + 1, 3, batch,
                    Limits.DEFAULT, true));
        }
        for (int frame : new int[] {1, 5, 64}) {
            ways.add(new Way("frames over " + frame + " bytes large", Chunking.RANDOM_0_3, frame, 1, 0,
                    Limits.DEFAULT.withMaxFrameBytes(frame)));
            // Items too long for a block are read on the caller's thread once the blocks before
            // them are in (a block holds at most 16 times the batch, or twice the frame limit).
            ways.add(new Way("3 jobs, blocks of 8, frames over " + frame + " bytes large, whole", Chunking.WHOLE, 0, 3,
                    8, Limits.DEFAULT.withMaxFrameBytes(frame)));
        }
        return ways;
    }

    /** Every outcome as its item and its result's bits, or its error's type and words in full. */
    static List<String> outcomes(byte[] input, Way way) {
        StrompyDecoder.Builder b = StrompyDecoder.builder().limits(way.limits()).jobs(way.jobs());
        if (way.batch() > 0) {
            b.batchBytes(way.batch());
        }
        List<String> out = new ArrayList<>();
        try (StrompyDecoder d = b.build()) {
            for (byte[] chunk : way.chunks().cut(input, way.seed())) {
                d.feed(chunk, 0, chunk.length);
                take(d, out, way.pausing());
            }
            d.endOfInput();
            take(d, out, true);
            assertTrue(d.isFinished(), way.name());
        }
        return out;
    }

    private static void take(StrompyDecoder d, List<String> out, boolean all) {
        for (Outcome o = all ? d.take() : d.next(); o != null; o = all ? d.take() : d.next()) {
            out.add(o.failed() ? o.item() + " ! " + o.error().type().id() + " " + o.error().describe()
                    : o.item() + " " + Arrays.toString(Arrays.stream(o.values()).mapToLong(Double::doubleToRawLongBits).toArray()));
        }
    }

    /** The outcomes every way gives, checked to be the same. */
    static List<String> sameEveryWay(String input) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        List<Way> ways = ways();
        List<String> first = outcomes(bytes, ways.get(0));
        for (Way way : ways.subList(1, ways.size())) {
            if (way.limits().maxFrameBytes() < Limits.DEFAULT.maxFrameBytes()) {
                // A large item's syntax error is worded by the parser as the item's pieces come.
                assertEquals(syntaxUnworded(first), syntaxUnworded(outcomes(bytes, way)), way.name() + ":\n" + input);
            } else {
                assertEquals(first, outcomes(bytes, way), way.name() + ":\n" + input);
            }
        }
        return first;
    }

    /** Outcomes with a syntax error's words and place left out: its item and type stay. */
    static List<String> syntaxUnworded(List<String> outcomes) {
        return outcomes.stream().map(o -> o.contains(" ! syntax ") ? o.substring(0, o.indexOf(" ! syntax ") + 9) : o)
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5e-", "5e+", "5E-", "-", "1.", "5e"})
    void aNumberCutShortByTheEndIsASyntaxErrorNotAnInternalOne(String number) {
        for (String input : new String[] {"{\"lhs\":[[" + number, "{\"lhs\":[[1," + number + "]],\"op\":[]}"}) {
            List<String> got = sameEveryWay(input);
            assertEquals(1, got.size(), got.toString());
            assertTrue(got.get(0).startsWith("0 ! syntax -:1:"), got.toString());
            // Read as a large item too, by the non-blocking parser, fed in pieces.
            for (int frame = 1; frame < 12; frame++) {
                Way large = new Way("large", Chunking.BYTE_AT_A_TIME, 0, 1, 0, Limits.DEFAULT.withMaxFrameBytes(frame));
                List<String> pieces = outcomes(input.getBytes(StandardCharsets.UTF_8), large);
                assertEquals(1, pieces.size(), pieces.toString());
                assertTrue(pieces.get(0).startsWith("0 ! syntax -:1:"), pieces.toString());
            }
        }
    }

    /** {@return {@code n} good items, one a line, item i's result {@code [[i]]}} */
    private static StringBuilder oneLineItems(int n) {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < n; i++) {
            input.append("{\"lhs\":[[").append(i).append("]],\"op\":[]}\n");
        }
        return input;
    }

    @Test
    void anItemCutShortInALaterBlockNamesTheLinesOfTheWholeSource() {
        // Threads number a block's lines from 1; what they find is placed in the whole source as
        // its results are handed on: the error's line and the line its words name.
        StringBuilder input = oneLineItems(30);
        input.append("{\"lhs\":[[1,\n\r\n2]],\n\"op\":[\n{\"lhs\":[[7]],\"op\":[]}\n{\"lhs\":[[8]],\"op\":[{\"code\":\"bad\"}]}\n");
        List<String> got = sameEveryWay(input.toString());
        assertEquals(33, got.size(), got.toString());
        assertEquals("30 ! syntax -:35:1: item 30: item cut short: a new item starts on this line (the item began on line 31)",
                got.get(30));
        assertTrue(got.get(32).startsWith("32 ! op -:36:"), got.get(32));
    }

    @Test
    void anItemTooLongForABlockAfterBlocksInFlightKeepsItsLines() {
        StringBuilder input = oneLineItems(40);
        input.append("{\"lhs\":[[1,\n2]],\"op\":[{\"code\":\"nope\"}]}\n");
        input.append("{\"lhs\":[[").append("1,".repeat(400)).append("1]],\"op\":[{\"code\":\"nope\"}]}\n");
        List<String> got = sameEveryWay(input.toString());
        assertEquals(42, got.size(), got.toString());
        assertTrue(got.get(40).startsWith("40 ! op -:42:"), got.get(40));
        assertTrue(got.get(41).startsWith("41 ! op -:43:"), got.get(41));
    }

    @Test
    void anObjectWhoseValueIsOnTheNextLineIsOneItem() {
        assertEquals(List.of("0 ! syntax -:2:1: item 0: unexpected '}' after ':'"), sameEveryWay("{\"\":\n}"));
    }

    @Test
    void anErrorTheParserFindsAtTheEndOfAPieceIsWeighedOnceTheFrameIsKnownToGoOnOrNot() {
        // The parser fails at the closing quote (a broken surrogate pair); the framer's error is
        // the next byte's. Read whole, the framer's comes first, as the frame's bytes end there;
        // read in pieces, the piece that ends at the quote must not decide before the next comes.
        byte[] bytes = "{\"lhs\":[[1]],\"op\":[],\"\\ud800\"\u00ff}\n".getBytes(StandardCharsets.ISO_8859_1);
        List<String> whole = outcomes(bytes, new Way("whole", Chunking.WHOLE, 0, 1, 0, Limits.DEFAULT));
        assertEquals(List.of("0 ! syntax -:1:30: item 0: non-ASCII byte 0xFF outside a string"), whole);
        for (int frame = 1; frame < bytes.length; frame++) {
            Limits large = Limits.DEFAULT.withMaxFrameBytes(frame);
            assertEquals(whole, outcomes(bytes, new Way("large", Chunking.WHOLE, 0, 1, 0, large)), "frames over " + frame);
            assertEquals(whole, outcomes(bytes, new Way("large", Chunking.BYTE_AT_A_TIME, 0, 1, 0, large)), "over " + frame);
        }
    }

    @Test
    void aValueRightAfterAnotherIsASyntaxErrorEvenAfterASchemaError() {
        // Read whole, the parser lets "2{" pass as two values; read in pieces that split the
        // number, it does not. The reader counts a second value as a syntax error itself.
        String number = "2".repeat(45);
        assertEquals(List.of("0 ! syntax -:1:46: item 0: unexpected data after the item", "1 [4607182418800017408]"),
                sameEveryWay(number + "{\"lhs\":[[1]],\"op\":[]}\n{\"lhs\":[[1]],\"op\":[]}\n"));
    }

    @Test
    void aSurrogatePairInANameIsReadWhereverThePiecesSplitIt() {
        // Between the two halves, the parser asks for more bytes while it still holds some.
        byte[] bytes = "{\"lhs\":[[1]],\"op\":[],\"\\ud800\\udc00\":1}\n".getBytes(StandardCharsets.UTF_8);
        List<String> expected = List.of("0 ! schema -:1:22: item 0: unknown key \"\ud800\udc00\" (expected \"lhs\" and \"op\")");
        for (int frame = 1; frame < bytes.length; frame++) {
            Limits large = Limits.DEFAULT.withMaxFrameBytes(frame);
            assertEquals(expected, outcomes(bytes, new Way("large", Chunking.WHOLE, 0, 1, 0, large)), "frames over " + frame);
        }
    }

    @Test
    void aCloseMarkerRightAfterAColonOrACommaIsASyntaxErrorWhereverThePiecesSplitThem() {
        // Jackson's non-blocking parser lets "{"a": }" and "{"a": 1, }" pass when its input is
        // split between the two: the framer finds them first.
        String input = "{\"lhs\":[[1]],\"op\":[{\"code\":\"add\",\"rhs\": \n }]}\n{\"lhs\":[[1]], \n\n }\n[1,\n]";
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        List<String> expected = List.of("0 ! syntax -:2:2: item 0, op 0: unexpected '}' after ':'",
                "1 ! syntax -:5:2: item 1: unexpected '}' after ','", "2 ! syntax -:7:1: item 2: unexpected ']' after ','");
        assertEquals(expected, sameEveryWay(input));
        for (int frame = 1; frame < bytes.length; frame++) {
            Way large = new Way("large", Chunking.WHOLE, 0, 1, 0, Limits.DEFAULT.withMaxFrameBytes(frame));
            assertEquals(expected, outcomes(bytes, large), "frames over " + frame);
        }
    }

    @Test
    void messagesDoNotChangeWithTheChunksNorShowJacksonsInternals() {
        List<String> got = sameEveryWay("[{\"lhs\":]");
        assertEquals(List.of("0 ! syntax -:1:9: item 0: unexpected ']': expected '}'"), got);
        List<String> close = sameEveryWay("{\"lhs\":[[1]],\"op\":[}]}\n{\"lhs\":[[2]],\"op\":[]}\n");
        assertEquals("0 ! syntax -:1:20: item 0: unexpected '}': expected ']'", close.get(0));
        assertEquals(2, close.size());
        for (String input : new String[] {"[1}", "{\"a\":1]", "[{\"lhs\":[[1]],\"op\":[]}]]", "}", "{\"lhs\":[[1}]]}"}) {
            for (String o : sameEveryWay(input)) {
                assertFalse(o.contains("[Source") || o.contains("REDACTED") || o.contains("#UNKNOWN"), o);
            }
        }
    }

    @Test
    void aLoneCarriageReturnIsALineBreakHoweverItComes() {
        String input = "{\"lhs\":[[1]],\"op\":[]}\r{\"lhs\":[[1,2]],\r\"op\":[{\"code\":\"mul\",\"rhs\":[[1,2]]}]}\r\n"
                + "{\"lhs\":[[3]],\"op\":[{\"code\":\"nope\"}]}\r\r\n{\"lhs\":[[4]],\"op\":[]}";
        List<String> got = sameEveryWay(input);
        assertEquals(4, got.size(), got.toString());
        assertTrue(got.get(1).startsWith("1 ! shape -:3:7: item 1, op 0 (mul)"), got.get(1));
        assertTrue(got.get(2).startsWith("2 ! op -:4:28: item 2, op 0: unknown op"), got.get(2));
    }

    @Test
    void aLoneSurrogateInAKeyIsPlacedWhereItIs() {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            input.append(i % 3 == 0 ? "{\"lhs\":[[1]],\"op\":[],\"\\ud800\":1}\n" : "{\"lhs\":[[" + i + "]],\"op\":[]}\n");
        }
        List<String> got = sameEveryWay(input.toString());
        assertEquals(30, got.size());
        assertEquals("0 ! syntax -:1:30: item 0: Broken surrogate pair in property name: expected '\\\\' to start low"
                + " surrogate, got 0x22", got.get(0));
    }

    @Test
    void aControlCharacterInALongStringIsPlacedWhereItIs() {
        String input = "{\"lhs\":[[1]],\"op\":[{\"code\":\"" + "x".repeat(700) + "\u0001y\"}]}\n{\"lhs\":[[2]],\"op\":[]}\n";
        List<String> got = sameEveryWay(input);
        assertEquals(2, got.size());
        assertTrue(got.get(0).startsWith("0 ! syntax -:1:729: item 0, op 0: Illegal unquoted character ((CTRL-CHAR, code 1))"),
                got.get(0));
    }

    /** Lines of random items, some broken, decoded every way: NDJSON and arrays. */
    @Test
    void randomLinesGiveTheSameOutcomesEveryWay() {
        java.util.Random random = new java.util.Random(11);
        String[] lines = {
            "{\"lhs\":[[1,2]],\"op\":[{\"code\":\"transpose\"}]}", "{\"lhs\":[[1,2]],\"op\":[{\"code\":\"mul\",\"rhs\":[[1,2]]}]}",
            "{\"lhs\":[[1,2]],\"op\":[{\"code\":", "not json", "", "{\"lhs\":[[1e400]],\"op\":[]}", "{\"op\":[],\"lhs\":[[7]]}",
            "{\"lhs\":[[1]],\"op\":[]} {\"lhs\":[[2]],\"op\":[]}", "  {\"lhs\": [[3]],", "  \"op\": []}", "{\"lhs\":[[\"\\ud800\"]]}",
            "{\"lhs\":[[1]],\"op\":[]}\r", "]", "{\"lhs\":[[1,2],[3]],\"op\":[]}",
        };
        for (int round = 0; round < 40; round++) {
            StringBuilder in = new StringBuilder(round % 4 == 0 ? "[\n" : "");
            for (int i = 0, n = 1 + random.nextInt(25); i < n; i++) {
                in.append(lines[random.nextInt(lines.length)]).append(round % 4 == 0 && i + 1 < n ? ",\n" : "\n");
            }
            sameEveryWay(in.append(round % 4 == 0 ? "]\n" : "").toString());
        }
    }

    @Test
    void aSyntaxErrorEndsAnArrayOnEveryThread() {
        StringBuilder in = new StringBuilder("[\n");
        for (int i = 0; i < 200; i++) {
            in.append(i == 120 ? "{\"lhs\":[[1,,2]],\"op\":[]},\n" : "{\"lhs\":[[" + i + "]],\"op\":[]},\n");
        }
        List<String> got = sameEveryWay(in.append("{\"lhs\":[[0]],\"op\":[]}]\n").toString());
        assertEquals(121, got.size());
        assertTrue(got.get(120).startsWith("120 ! syntax -:122:12: item 120"), got.get(120));
        assertEquals(ErrorType.SYNTAX.id(), got.get(120).split(" ")[2]);
    }
}

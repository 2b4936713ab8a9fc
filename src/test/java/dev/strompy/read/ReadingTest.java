package dev.strompy.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.Chunking;
import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.eval.Part;
import dev.strompy.eval.Scalar;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The read side, framer and frame reader together, on inputs fed whole, one byte at a time, and
 * in random chunks: what it reads, and how it fails.
 */
class ReadingTest {
    private static final long MAX_ELEMENTS = 1_000;

    /** Feeds every chunk, taking the parts that are ready after each, then ends the input. */
    static List<Part> parts(Chunking feed, byte[] bytes) {
        return parts(feed, bytes, new Reading(MAX_ELEMENTS));
    }

    static List<Part> parts(Chunking feed, byte[] bytes, Reading d) {
        List<Part> parts = new ArrayList<>();
        for (byte[] chunk : feed.cut(bytes)) {
            d.feed(chunk, 0, chunk.length);
            parts.addAll(d.drain());
        }
        d.endOfInput();
        parts.addAll(d.drain());
        assertTrue(d.isFinished());
        return parts;
    }

    /** Every item as "lhs | op rhs | op ...", or "! type: message" for a failure. */
    private static List<String> readAll(Chunking feed, String json) {
        return describe(parts(feed, json.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> describe(List<Part> parts) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = null;
        for (Part p : parts) {
            if (p instanceof Part.Lhs lhs) {
                sb = new StringBuilder(lhs.matrix().toString());
            } else if (p instanceof Part.Step step) {
                sb.append(" | ").append(step.op().code().code());
                if (step.op().rhs() != null) {
                    sb.append(' ').append(step.op().rhs() instanceof Scalar s ? Double.toString(s.value()) : step.op().rhs().toString());
                }
            } else if (p instanceof Part.End) {
                out.add(sb.toString());
                sb = null;
            } else {
                StrompyError e = ((Part.Failure) p).error();
                out.add("! " + e.type().id() + ": " + e.atSource("-").describe());
            }
        }
        return out;
    }

    /** The first failure the input gives. */
    private static StrompyError failure(Chunking feed, String json) {
        return failure(feed, json.getBytes(StandardCharsets.UTF_8));
    }

    private static StrompyError failure(Chunking feed, byte[] bytes) {
        for (Part p : parts(feed, bytes)) {
            if (p instanceof Part.Failure f) {
                return f.error();
            }
        }
        throw new AssertionError("no failure");
    }

    @ParameterizedTest
    @EnumSource(Chunking.class)
    void readsATopLevelArrayOfItems(Chunking feed) {
        String json = "[{\"lhs\": [[1, 2], [3, 4]], \"op\": [{\"code\": \"transpose\"}]},\n"
                + " {\"lhs\": {\"d\": [1, 2, 3, 4, 5, 6], \"n\": 3}, \"op\": []}]";
        assertEquals(List.of("[[1.0, 2.0], [3.0, 4.0]] | transpose", "[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]"),
                readAll(feed, json));
    }

    @ParameterizedTest
    @EnumSource(Chunking.class)
    void readsASequenceOfItems(Chunking feed) {
        String json = "{\"lhs\":[[1]],\"op\":[{\"code\":\"scale\",\"rhs\":2}]}\n{\"lhs\":[[2]],\"op\":[]}{\"lhs\":[[3]],\"op\":[]}\n";
        assertEquals(List.of("[[1.0]] | scale 2.0", "[[2.0]]", "[[3.0]]"), readAll(feed, json));
    }

    @ParameterizedTest
    @EnumSource(Chunking.class)
    void emptyAndBlankInputsHoldNoItems(Chunking feed) {
        assertEquals(List.of(), readAll(feed, ""));
        assertEquals(List.of(), readAll(feed, " \n\t\r\n"));
        assertEquals(List.of(), readAll(feed, "[]"));
        assertEquals(List.of(), readAll(feed, "\uFEFF"));
        assertEquals(List.of("[[1.0]]"), readAll(feed, "\uFEFF{\"lhs\":[[1]],\"op\":[]}"));
    }

    @ParameterizedTest
    @EnumSource(Chunking.class)
    void keysMayComeInAnyOrderAndOpsBeforeLhsAreHeld(Chunking feed) {
        String json = "{\"op\":[{\"rhs\":[[1,0],[0,1]],\"code\":\"mul\"},{\"code\":\"transpose\"}],\"lhs\":{\"n\":2,\"d\":[1,2,3,4]}}";
        assertEquals(List.of("[[1.0, 2.0], [3.0, 4.0]] | mul [[1.0, 0.0], [0.0, 1.0]] | transpose"), readAll(feed, json));
    }

    @ParameterizedTest
    @EnumSource(Chunking.class)
    void numbersFollowIeeeDoubles(Chunking feed) {
        List<String> got = readAll(feed, "{\"lhs\":[[-0, -0.0, 1e-400, 9007199254740993, 1E2, 0.1]],\"op\":[]}");
        assertEquals(List.of("[[-0.0, -0.0, 0.0, 9.007199254740992E15, 100.0, 0.1]]"), got);
    }

    @ParameterizedTest
    @EnumSource(Chunking.class)
    void numberOutsideDoubleRangeIsARangeError(Chunking feed) {
        StrompyError e = failure(feed, "{\"lhs\":[[1, 1e400]],\"op\":[]}");
        assertEquals(ErrorType.RANGE, e.type());
        assertEquals("number out of double range: 1e400", e.detail());
        assertEquals(1, e.line());
        assertEquals(13, e.column());
        assertEquals(0, e.item());
        assertEquals(ErrorType.RANGE, failure(feed, "{\"lhs\":[[-" + "9".repeat(400) + "]],\"op\":[]}").type());
    }

    @ParameterizedTest
    @EnumSource(Chunking.class)
    void nanAndInfinityTokensAreSyntaxErrors(Chunking feed) {
        assertEquals(ErrorType.SYNTAX, failure(feed, "{\"lhs\":[[NaN]],\"op\":[]}").type());
        assertEquals(ErrorType.SYNTAX, failure(feed, "{\"lhs\":[[Infinity]],\"op\":[]}").type());
        assertEquals(ErrorType.SYNTAX, failure(feed, "{\"lhs\":[[-Infinity]],\"op\":[]}").type());
    }

    @ParameterizedTest
    @EnumSource(Chunking.class)
    void schemaErrorsNameTheKeyAndPlace(Chunking feed) {
        assertSchema(feed, "{\"lhs\":[[1]],\"op\":[],\"x\":1}", "unknown key \"x\" (expected \"lhs\" and \"op\")", 1, 22);
        assertSchema(feed, "{\"lhs\":[[1]],\"lhs\":[[1]],\"op\":[]}", "duplicate key \"lhs\"", 1, 14);
        assertSchema(feed, "{\"lhs\":[[1]],\"op\":[],\"op\":[]}", "duplicate key \"op\"", 1, 22);
        assertSchema(feed, "{\"lhs\":[[1]]}", "missing key \"op\"", 1, 13);
        assertSchema(feed, "{\"op\":[]}", "missing key \"lhs\"", 1, 9);
        assertSchema(feed, "[1]", "an item must be an object {\"lhs\": MATRIX, \"op\": [OP, ...]}, got a number", 1, 2);
        assertSchema(feed, "{\"lhs\":[[1],[2,3]],\"op\":[]}", "ragged rows in lhs: row 1 has 2 entries, row 0 has 1", 1, 13);
        assertSchema(feed, "{\"lhs\":[1,2],\"op\":[]}", "lhs row 0 must be an array of numbers, got a number (nested rows: [[1, 2]], not [1, 2])", 1, 9);
        assertSchema(feed, "{\"lhs\":[],\"op\":[]}", "lhs has no rows (a matrix is [[1, 2], [3, 4]] or {\"d\": [1, 2, 3, 4], \"n\": 2})", 1, 8);
        assertSchema(feed, "{\"lhs\":[[]],\"op\":[]}", "lhs row 0 is empty", 1, 9);
        assertSchema(feed, "{\"lhs\":[[\"1\"]],\"op\":[]}", "lhs entries must be numbers, got a string", 1, 10);
        assertSchema(feed, "{\"lhs\":5,\"op\":[]}", "lhs must be a matrix ([[1, 2], [3, 4]] or {\"d\": [1, 2, 3, 4], \"n\": 2}), got a number", 1, 8);
        assertSchema(feed, "{\"lhs\":{\"d\":[1,2,3],\"n\":2},\"op\":[]}", "lhs: d has 3 entries, not a multiple of n = 2", 1, 8);
        assertSchema(feed, "{\"lhs\":{\"d\":[1,2],\"n\":0},\"op\":[]}", "lhs: n must be a positive integer, got 0", 1, 23);
        assertSchema(feed, "{\"lhs\":{\"d\":[1,2],\"n\":1.5},\"op\":[]}", "lhs: n must be a positive integer, got 1.5", 1, 23);
        assertSchema(feed, "{\"lhs\":{\"d\":[],\"n\":1},\"op\":[]}", "lhs: d is empty", 1, 8);
        assertSchema(feed, "{\"lhs\":{\"d\":[1]},\"op\":[]}", "lhs is missing key \"n\"", 1, 8);
        assertSchema(feed, "{\"lhs\":{\"d\":[1],\"n\":1,\"m\":2},\"op\":[]}", "unknown key \"m\" in lhs (expected \"d\" and \"n\")", 1, 23);
        assertSchema(feed, "{\"lhs\":[[1]],\"op\":{}}", "op must be an array of ops, got an object", 1, 19);
        assertSchema(feed, "{\"lhs\":[[1]],\"op\":[5]}", "an op must be an object {\"code\": NAME, \"rhs\": ...}, got a number", 1, 20);
        assertSchema(feed, "{\"lhs\":[[1]],\"op\":[{\"rhs\":1}]}", "op is missing key \"code\"", 1, 20);
        assertSchema(feed, "{\"lhs\":[[1]],\"op\":[{\"code\":1}]}", "code must be a string, got a number", 1, 28);
        assertSchema(feed, "{\"lhs\":[[1]],\"op\":[{\"code\":\"scale\",\"rhs\":\"2\"}]}", "rhs must be a matrix or a number, got a string", 1, 42);
        assertSchema(feed, "{\"lhs\":[[1]],\"op\":[{\"code\":\"scale\",\"rhs\":2,\"x\":0}]}", "unknown key \"x\" in op (expected \"code\" and \"rhs\")", 1, 44);
    }

    @ParameterizedTest
    @EnumSource(Chunking.class)
    void opErrorsCarryTheOpIndex(Chunking feed) {
        StrompyError e = failure(feed, "{\"lhs\":[[1]],\"op\":[{\"code\":\"transpose\"},\n  {\"code\":\"mul\"}]}");
        assertEquals(ErrorType.OP, e.type());
        assertEquals("mul needs an rhs (matrix)", e.detail());
        assertEquals(1, e.op());
        assertEquals("mul", e.code());
        assertEquals("2:3", e.line() + ":" + e.column());
        StrompyError unknown = failure(feed, "{\"lhs\":[[1]],\"op\":[{\"code\":\"transpos\"}]}");
        assertEquals("unknown op \"transpos\"; did you mean \"transpose\"?", unknown.detail());
        assertEquals(0, unknown.op());
    }

    @ParameterizedTest
    @EnumSource(Chunking.class)
    void matrixOverTheLimitIsRefusedWhileReading(Chunking feed) {
        String big = "{\"lhs\":{\"n\":1,\"d\":[" + "1,".repeat(1000) + "1]},\"op\":[]}";
        StrompyError e = failure(feed, big);
        assertEquals(ErrorType.LIMIT, e.type());
        assertEquals("lhs has more than 1000 elements (--max-elements)", e.detail());
    }

    @ParameterizedTest
    @EnumSource(Chunking.class)
    void syntaxErrorsSayWhere(Chunking feed) {
        StrompyError e = failure(feed, "{\"lhs\":[[1]],\n\"op\":[}");
        assertEquals(ErrorType.SYNTAX, e.type());
        assertEquals(2, e.line());
        assertEquals(0, e.item());
        assertEquals(ErrorType.SYNTAX, failure(feed, "[{\"lhs\":[[1]],\"op\":[]}] 1").type());
        assertEquals(ErrorType.SYNTAX, failure(feed, "[{\"lhs\":[[1]],\"op\":[]}").type());
        assertEquals(ErrorType.SYNTAX, failure(feed, "{\"lhs\":[[1]],\"op\":[]").type());
    }

    private static void assertSchema(Chunking feed, String json, String detail, long line, long column) {
        StrompyError e = failure(feed, json);
        assertEquals(detail, e.detail(), json);
        assertEquals(ErrorType.SCHEMA, e.type(), json);
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), json);
    }

    @ParameterizedTest
    @EnumSource(Chunking.class)
    void invalidUtf8IsASyntaxError(Chunking feed) {
        byte[] bytes = "{\"lhs\":[[1]],\"op\":[{\"code\":\"mul__\"}]}".getBytes(StandardCharsets.UTF_8);
        bytes[29] = (byte) 0xC3;
        bytes[30] = (byte) 0x28;
        assertEquals(ErrorType.SYNTAX, failure(feed, bytes).type());
    }

    @ParameterizedTest
    @EnumSource(Chunking.class)
    void utf16AndUtf32AreRefused(Chunking feed) {
        String json = "{\"lhs\":[[1]],\"op\":[]}";
        for (Charset cs : new Charset[] {StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
            Charset.forName("UTF-32LE")}) {
            List<Part> parts = parts(feed, json.getBytes(cs));
            assertEquals(1, parts.size(), cs.name() + ": one failure, then the source is done");
            StrompyError e = ((Part.Failure) parts.get(0)).error();
            assertEquals(ErrorType.SYNTAX, e.type(), cs.name());
            assertEquals("input is not UTF-8 (it looks like UTF-16 or UTF-32)", e.detail());
        }
        assertEquals(List.of("[[1.0]]"), readAll(feed, "{\"lhs\":[[1]],\"op\":[]}"));
        assertEquals(List.of(), readAll(feed, " "));
    }

    /**
     * An item longer than the frame limit is read as it comes: its ops are handed on as soon as
     * they are read, before the rest of the item has come (here the second op is malformed).
     */
    @Test
    void opsOfALargeItemAreHandedOnAsSoonAsTheyAreRead() {
        // Frames over 16 bytes are large, their pieces 16 bytes from the item's start: the spaces
        // complete the piece that holds the first op's closing brace.
        Reading d = new Reading(MAX_ELEMENTS, 16, true);
        feed(d, "{\"lhs\":[[1]],\n\"op\":[{\"code\":\"transpose\"}," + " ".repeat(16));
        List<Part> first = d.drain();
        assertEquals(2, first.size(), first.toString());
        assertTrue(first.get(0) instanceof Part.Lhs);
        assertTrue(first.get(1) instanceof Part.Step);
        feed(d, "{\"code\":7}]}");
        List<Part> rest = d.drain();
        Part.Failure f = (Part.Failure) rest.get(0);
        assertEquals("code must be a string, got a number", f.error().detail());
        assertEquals(1, f.error().op());
        assertEquals(1, d.largeFrames);
    }

    /**
     * An item is handed on as soon as its closing brace has come, with or without a line break
     * after it (a producer may write an item and wait for its result); the line scanner reads it.
     * Until then, nothing of it is read.
     */
    @Test
    void anItemIsReadOnceItsClosingBraceHasCome() {
        Reading d = new Reading(MAX_ELEMENTS);
        feed(d, "{\"lhs\":[[1]],\"op\":[{\"code\":\"transpose\"},");
        assertEquals(List.of(), d.drain());
        feed(d, "{\"code\":\"scale\",\"rhs\":2}]}");
        assertEquals(List.of("[[1.0]] | transpose | scale 2.0"), describe(d.drain()));
        feed(d, "\n{\"lhs\":[[2]],\"op\":[{\"code\":\"scale\",");
        assertEquals(List.of(), d.drain());
        feed(d, "\"rhs\":3}]}\n{\"lhs\":[[3]],");
        List<Part> second = d.drain();
        assertTrue(second.get(0) instanceof Part.Lhs);
        Part.Step step = (Part.Step) second.get(1);
        assertEquals(2, step.line());
        assertEquals(20, step.column());
        assertEquals(3, second.size());
        d.endOfInput();
        List<Part> last = d.drain();
        assertEquals(2, last.size(), "the third item's lhs, then its failure: cut short by the end");
        assertEquals("-:3:14: item 2: unexpected end of input", ((Part.Failure) last.get(1)).error().atSource("-").describe());
        assertEquals(2, d.scannedItems, "the first two");
    }

    /** Bytes that end with a brace that closes an op, not the item, wait for the rest. */
    @Test
    void aBraceThatClosesAnOpIsNotTheItemsEnd() {
        Reading d = new Reading(MAX_ELEMENTS);
        feed(d, "{\"lhs\":[[1]],\"op\":[{\"code\":\"neg\"},{\"code\":\"transpose\"}");
        assertEquals(List.of(), d.drain());
        feed(d, "]}\n");
        assertTrue(d.drain().get(0) instanceof Part.Lhs);
        assertEquals(1, d.scannedItems);
    }

    /** Blank lines at a source's start, fed a line at a time as a slow producer would. */
    @Test
    void blankLinesAtTheStart() {
        for (String first : new String[] {"{\"lhs\":[[1]],\"op\":[]}", "[{\"lhs\":[[1]],\"op\":[]}]"}) {
            Reading d = new Reading(MAX_ELEMENTS);
            feed(d, "\n");
            assertEquals(List.of(), d.drain());
            feed(d, " \r\n\n");
            assertEquals(List.of(), d.drain());
            feed(d, first + "\n");
            List<Part> parts = d.drain();
            assertTrue(parts.get(0) instanceof Part.Lhs);
            assertTrue(parts.get(1) instanceof Part.End);
            d.endOfInput();
            assertEquals(List.of(), d.drain());
            assertTrue(d.isFinished());
            assertEquals(1, d.scannedItems, first);
        }
    }

    private static void feed(Reading d, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.feed(b, 0, b.length);
    }

    /** An overlong string is reported where it starts, in the same words, however the input was cut. */
    @ParameterizedTest
    @EnumSource(value = Chunking.class, names = {"WHOLE", "RANDOM_0_128"})
    void anOverlongStringIsPlacedAtItsStartWhateverTheChunks(Chunking feed) {
        // Longer than a line the scanner holds, so that the parser reads it as it comes.
        String json = "{\"lhs\": [[1]], \"op\": [{\"code\": \"" + "x".repeat(Reading.MAX_FRAME + 100) + "\"}]}\n"
                + "{\"lhs\": [[2]], \"op\": []}\n";
        List<String> got = readAll(feed, json);
        assertEquals(2, got.size(), got.toString());
        assertEquals("! syntax: -:1:32: item 0, op 0: input exceeds a parser limit: String value length exceeds the maximum"
                + " allowed (" + (1 << 16) + ")", got.get(0));
        assertEquals("[[2.0]]", got.get(1));
    }

    @ParameterizedTest
    @EnumSource(Chunking.class)
    void readingGoesOnPastAnItemThatCannotBeRead(Chunking feed) {
        String json = "[{\"lhs\":[[1]],\"op\":[{\"code\":\"nope\",\"rhs\":[[1,[2]]]},{\"x\":{\"y\":[]}}]},{\"lhs\":[[5]],\"op\":[]}]";
        List<String> got = readAll(feed, json);
        assertEquals(2, got.size(), got.toString());
        assertTrue(got.get(0).startsWith("! op: -:1:29: item 0, op 0: unknown op \"nope\""), got.get(0));
        assertEquals("[[5.0]]", got.get(1));
    }

    @ParameterizedTest
    @EnumSource(Chunking.class)
    void aBadLineInASequenceCostsOnlyItsItem(Chunking feed) {
        String json = "{\"lhs\":[[1]],\"op\":[]}\n"
                + "{\"lhs\":[[2,\n"                         // cut short by a line break
                + "{\"lhs\":[[3]],\"op\":[]}\n"
                + "not json at all\n"
                + "{\"lhs\":[[4]],\"op\":[{\"code\":\"x\"}]} }\n"  // a stray brace after an item
                + "{\"lhs\":[[5]],\"op\":[]}\n"
                + "{\"lhs\":[[6]],\"op\":[{\"code\":\"tr\\u0000\"}]}\n"
                + "{\"lhs\":[[7]],\"op\":[]}";
        List<String> got = readAll(feed, json);
        assertEquals("[[1.0]]", got.get(0));
        assertEquals("! syntax: -:3:1: item 1: item cut short: a new item starts on this line (the item began on line 2)",
                got.get(1));
        assertEquals("[[3.0]]", got.get(2));
        assertTrue(got.get(3).startsWith("! syntax: -:4:"), got.get(3));
        assertTrue(got.get(3).contains("item 3:"), got.get(3));
        assertTrue(got.get(4).startsWith("! op: -:5:"), got.get(4));
        assertTrue(got.get(5).startsWith("! syntax: -:5:"), got.get(5));
        assertEquals("[[5.0]]", got.get(6));
        assertTrue(got.get(7).startsWith("! op: -:7:"), got.get(7));
        assertEquals("[[7.0]]", got.get(8));
        assertEquals(9, got.size(), got.toString());
    }

    @ParameterizedTest
    @EnumSource(Chunking.class)
    void aSyntaxErrorEndsAnArraySource(Chunking feed) {
        List<String> got = readAll(feed, "[{\"lhs\":[[1]],\"op\":[]},\n{\"lhs\":[[2,,\n{\"lhs\":[[3]],\"op\":[]}]");
        assertEquals(2, got.size(), got.toString());
        assertTrue(got.get(1).startsWith("! syntax: -:2:12: item 1: "), got.get(1));
    }

    @Test
    void aLongBadLineIsSkippedWhateverTheChunks() {
        String json = "{\"lhs\":[[1]],\"op\":[]}\n{\"lhs\":[[" + "1,".repeat(500) + "x]]}\n{\"lhs\":[[3]],\"op\":[]}\n";
        List<String> whole = readAll(Chunking.WHOLE, json);
        for (Chunking c : Chunking.values()) {
            assertEquals(whole, readAll(c, json), c.name());
        }
        assertEquals(3, whole.size(), whole.toString());
        assertEquals("[[3.0]]", whole.get(2));
    }

    @Test
    void partsAreTheSameHoweverTheInputIsCut() {
        String json = "[{\"op\":[{\"code\":\"scale\",\"rhs\":2}],\"lhs\":{\"d\":[1,2,3,4],\"n\":2}},"
                + "{\"lhs\":[[1e-3, -0.5]],\"op\":[{\"code\":\"transpose\"},{\"code\":\"mul\",\"rhs\":[[1,2]]}]}]";
        List<String> whole = readAll(Chunking.WHOLE, json);
        for (Chunking c : Chunking.values()) {
            for (long seed = 0; seed < 20; seed++) {
                Reading d = new Reading(MAX_ELEMENTS);
                List<Part> parts = new ArrayList<>();
                for (byte[] chunk : c.cut(json.getBytes(StandardCharsets.UTF_8), seed)) {
                    d.feed(chunk, 0, chunk.length);
                    parts.addAll(d.drain());
                }
                d.endOfInput();
                parts.addAll(d.drain());
                assertEquals(whole, describe(parts), c + " seed " + seed);
            }
        }
        assertNotNull(whole);
        assertFalse(whole.isEmpty());
    }
}

package dev.strompy.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;
import dev.strompy.eval.Op;
import dev.strompy.eval.OpCode;
import dev.strompy.eval.Scalar;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every test runs with the input fed whole and fed one byte at a time. */
class WorkItemReaderTest {
    private static final ReadLimits LIMITS = new ReadLimits(1_000);

    private static WorkItemReader reader(Feed feed, String json) {
        return new WorkItemReader(feed.of(json), LIMITS);
    }

    /** Reads every item, draining ops, into "lhs | op op ..." strings. */
    private static List<String> readAll(Feed feed, String json) {
        List<String> out = new ArrayList<>();
        try (WorkItemReader r = reader(feed, json)) {
            for (WorkItem item = r.next(); item != null; item = r.next()) {
                StringBuilder sb = new StringBuilder(item.lhs().toString());
                for (Iterator<Op> it = item.ops(); it.hasNext();) {
                    Op op = it.next();
                    sb.append(" | ").append(op.code().code());
                    if (op.rhs() != null) {
                        sb.append(' ').append(op.rhs() instanceof Scalar s ? Double.toString(s.value()) : op.rhs().toString());
                    }
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    private static StrompyError failure(Feed feed, String json) {
        return assertThrows(StrompyError.class, () -> readAll(feed, json));
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void readsATopLevelArrayOfItems(Feed feed) {
        String json = "[{\"lhs\": [[1, 2], [3, 4]], \"op\": [{\"code\": \"transpose\"}]},\n"
                + " {\"lhs\": {\"d\": [1, 2, 3, 4, 5, 6], \"n\": 3}, \"op\": []}]";
        assertEquals(List.of("[[1.0, 2.0], [3.0, 4.0]] | transpose", "[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]"),
                readAll(feed, json));
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void readsASequenceOfItems(Feed feed) {
        String json = "{\"lhs\":[[1]],\"op\":[{\"code\":\"scale\",\"rhs\":2}]}\n{\"lhs\":[[2]],\"op\":[]}{\"lhs\":[[3]],\"op\":[]}\n";
        assertEquals(List.of("[[1.0]] | scale 2.0", "[[2.0]]", "[[3.0]]"), readAll(feed, json));
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void emptyAndBlankInputsHoldNoItems(Feed feed) {
        assertEquals(List.of(), readAll(feed, ""));
        assertEquals(List.of(), readAll(feed, " \n\t\r\n"));
        assertEquals(List.of(), readAll(feed, "[]"));
        assertEquals(List.of(), readAll(feed, "\uFEFF"));
        assertEquals(List.of("[[1.0]]"), readAll(feed, "\uFEFF{\"lhs\":[[1]],\"op\":[]}"));
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void keysMayComeInAnyOrderAndOpsBeforeLhsAreHeld(Feed feed) {
        String json = "{\"op\":[{\"rhs\":[[1,0],[0,1]],\"code\":\"mul\"},{\"code\":\"transpose\"}],\"lhs\":{\"n\":2,\"d\":[1,2,3,4]}}";
        assertEquals(List.of("[[1.0, 2.0], [3.0, 4.0]] | mul [[1.0, 0.0], [0.0, 1.0]] | transpose"), readAll(feed, json));
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void numbersFollowIeeeDoubles(Feed feed) {
        List<String> got = readAll(feed, "{\"lhs\":[[-0, -0.0, 1e-400, 9007199254740993, 1E2, 0.1]],\"op\":[]}");
        assertEquals(List.of("[[-0.0, -0.0, 0.0, 9.007199254740992E15, 100.0, 0.1]]"), got);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void numberOutsideDoubleRangeIsARangeError(Feed feed) {
        StrompyError e = failure(feed, "{\"lhs\":[[1, 1e400]],\"op\":[]}");
        assertEquals(ErrorType.RANGE, e.type());
        assertEquals("number out of double range: 1e400", e.detail());
        assertEquals(1, e.line());
        assertEquals(13, e.column());
        assertEquals(0, e.item());
        assertEquals(ErrorType.RANGE, failure(feed, "{\"lhs\":[[-" + "9".repeat(400) + "]],\"op\":[]}").type());
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void nanAndInfinityTokensAreSyntaxErrors(Feed feed) {
        assertEquals(ErrorType.SYNTAX, failure(feed, "{\"lhs\":[[NaN]],\"op\":[]}").type());
        assertEquals(ErrorType.SYNTAX, failure(feed, "{\"lhs\":[[Infinity]],\"op\":[]}").type());
        assertEquals(ErrorType.SYNTAX, failure(feed, "{\"lhs\":[[-Infinity]],\"op\":[]}").type());
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void schemaErrorsNameTheKeyAndPlace(Feed feed) {
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

    private static void assertSchema(Feed feed, String json, String detail, long line, long column) {
        StrompyError e = failure(feed, json);
        assertEquals(detail, e.detail(), json);
        assertEquals(ErrorType.SCHEMA, e.type(), json);
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), json);
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void opErrorsCarryTheOpIndex(Feed feed) {
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
    @EnumSource(Feed.class)
    void matrixOverTheLimitIsRefusedWhileReading(Feed feed) {
        String big = "{\"lhs\":{\"n\":1,\"d\":[" + "1,".repeat(1000) + "1]},\"op\":[]}";
        StrompyError e = failure(feed, big);
        assertEquals(ErrorType.LIMIT, e.type());
        assertEquals("lhs has more than 1000 elements (--max-elements)", e.detail());
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void syntaxErrorsSayWhere(Feed feed) {
        StrompyError e = failure(feed, "{\"lhs\":[[1]],\n\"op\":[}");
        assertEquals(ErrorType.SYNTAX, e.type());
        assertEquals(2, e.line());
        assertEquals(0, e.item());
        assertEquals(ErrorType.SYNTAX, failure(feed, "[{\"lhs\":[[1]],\"op\":[]}] 1").type());
        assertEquals(ErrorType.SYNTAX, failure(feed, "[{\"lhs\":[[1]],\"op\":[]}").type());
        assertEquals(ErrorType.SYNTAX, failure(feed, "{\"lhs\":[[1]],\"op\":[]").type());
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void invalidUtf8IsASyntaxError(Feed feed) {
        byte[] bytes = "{\"lhs\":[[1]],\"op\":[{\"code\":\"mul__\"}]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        bytes[29] = (byte) 0xC3;
        bytes[30] = (byte) 0x28;
        StrompyError e = assertThrows(StrompyError.class, () -> {
            try (WorkItemReader r = new WorkItemReader(feed.of(bytes), LIMITS)) {
                r.next().ops().hasNext();
            }
        });
        assertEquals(ErrorType.SYNTAX, e.type());
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void utf16AndUtf32AreRefused(Feed feed) {
        String json = "{\"lhs\":[[1]],\"op\":[]}";
        for (java.nio.charset.Charset cs : new java.nio.charset.Charset[] {java.nio.charset.StandardCharsets.UTF_16,
            java.nio.charset.StandardCharsets.UTF_16LE, java.nio.charset.StandardCharsets.UTF_16BE,
            java.nio.charset.Charset.forName("UTF-32LE")}) {
            StrompyError e = assertThrows(StrompyError.class, () -> {
                try (WorkItemReader r = new WorkItemReader(feed.of(json.getBytes(cs)), LIMITS)) {
                    r.next();
                }
            }, cs.name());
            assertEquals(ErrorType.SYNTAX, e.type(), cs.name());
            assertEquals("input is not UTF-8 (it looks like UTF-16 or UTF-32)", e.detail());
        }
        assertEquals(List.of("[[1.0]]"), readAll(feed, "{\"lhs\":[[1]],\"op\":[]}"));
        assertEquals(List.of(), readAll(feed, " "));
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void opsAreParsedOnlyAsTheyArePulled(Feed feed) {
        // The second op is malformed: pulling the first must succeed before that is seen.
        try (WorkItemReader r = reader(feed, "{\"lhs\":[[1]],\"op\":[{\"code\":\"transpose\"},{\"code\":7}]}")) {
            WorkItem item = r.next();
            Iterator<Op> ops = item.ops();
            assertTrue(ops.hasNext());
            assertEquals(OpCode.TRANSPOSE, ops.next().code());
            assertThrows(StrompyError.class, ops::hasNext);
        }
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void skipItemRecoversAfterAFailedItem(Feed feed) {
        String json = "[{\"lhs\":[[1]],\"op\":[{\"code\":\"nope\",\"rhs\":[[1,[2]]]},{\"x\":{\"y\":[]}}]},{\"lhs\":[[5]],\"op\":[]}]";
        try (WorkItemReader r = reader(feed, json)) {
            WorkItem first = r.next();
            assertThrows(StrompyError.class, () -> first.ops().hasNext());
            r.skipItem();
            WorkItem second = r.next();
            assertEquals(Matrix.scalar(5), second.lhs());
            assertEquals(1, second.index());
            assertFalse(second.ops().hasNext());
            assertNull(r.next());
        }
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void nextSkipsWhatIsLeftOfAnUnfinishedItem(Feed feed) {
        try (WorkItemReader r = reader(feed, "{\"lhs\":[[1]],\"op\":[{\"code\":\"transpose\"}]}{\"lhs\":[[2]],\"op\":[]}")) {
            assertEquals(Matrix.scalar(1), r.next().lhs());
            assertEquals(Matrix.scalar(2), r.next().lhs());
            assertNull(r.next());
        }
    }
}

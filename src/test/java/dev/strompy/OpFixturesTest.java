package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strompy.eval.OpCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * strompy against numpy/scipy: the fixtures under {@code src/test/resources/fixtures/} were
 * written by {@code src/test/python/make_fixtures.py}. Each result must match to a relative
 * tolerance of 1e-9, taken against the largest entry of the expected matrix (and at least 1),
 * so entries that cancel to nearly zero are not held to more digits than they have.
 */
class OpFixturesTest {
    private static final double TOLERANCE = 1e-9;
    private static final Path DIR = Path.of("src/test/resources/fixtures");
    private static final Pattern ERROR = Pattern.compile("\\{\"error\":\"(\\w+)\"}");
    private static final Pattern CODE = Pattern.compile("\"code\":\"(\\w+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"ops", "chains"})
    void agreesWithNumpy(String name) throws IOException {
        List<String> items = Files.readAllLines(DIR.resolve(name + ".ndjson"), StandardCharsets.UTF_8);
        List<String> expected = Files.readAllLines(DIR.resolve(name + ".expected.ndjson"), StandardCharsets.UTF_8);
        assertEquals(items.size(), expected.size());
        Set<OpCode> covered = EnumSet.noneOf(OpCode.class);
        try (StrompyDecoder results = StrompyDecoder.builder().source(name).limits(Limits.DEFAULT.withMaxElements(1_000_000)).build()) {
            results.feed(ByteBuffer.wrap(Files.readAllBytes(DIR.resolve(name + ".ndjson"))));
            results.endOfInput();
            for (int i = 0; i < items.size(); i++) {
                Outcome o = results.next();
                assertNotNull(o, "outcome for line " + (i + 1));
                String context = name + " line " + (i + 1) + ": " + abbreviate(items.get(i));
                Matcher code = CODE.matcher(items.get(i));
                while (code.find()) {
                    covered.add(OpCode.lookup(code.group(1)));
                }
                Matcher error = ERROR.matcher(expected.get(i));
                if (error.matches()) {
                    assertNotNull(o.error(), context + " should fail with " + error.group(1));
                    assertEquals(error.group(1), o.error().type().id(), context + ": " + o.error().describe());
                } else {
                    assertNull(o.error(), () -> context + " failed: " + o.error().describe());
                    assertClose(Strompy.exec(("{\"lhs\":" + expected.get(i) + ",\"op\":[]}").getBytes(StandardCharsets.UTF_8))[0],
                            o.result(), context);
                }
            }
            assertNull(results.next());
            assertTrue(results.isFinished());
        }
        if (name.equals("ops")) {
            assertEquals(EnumSet.allOf(OpCode.class), covered, "every op code has fixtures");
        }
    }

    private static void assertClose(double[][] want, double[][] got, String context) {
        assertEquals(want.length + "x" + want[0].length, got.length + "x" + got[0].length, context + ": shape");
        double scale = 1;
        for (double[] row : want) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < want.length; i++) {
            for (int j = 0; j < want[i].length; j++) {
                double diff = Math.abs(want[i][j] - got[i][j]);
                if (!(diff <= TOLERANCE * scale)) {
                    fail(context + ": entry (" + i + "," + j + ") is " + got[i][j] + ", numpy says " + want[i][j]);
                }
            }
        }
        assertFalse(Double.isNaN(scale));
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}

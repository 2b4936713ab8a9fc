package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Coverage-guided fuzzing of the decoder: for any input, the outcomes are the same fed whole, a
 * byte at a time, in chunks of the fuzzer's choosing, on three threads in small blocks (with and
 * without a producer that pauses), cut into parts each decoded on its own, and read as large items, piece by piece (but for the words
 * and place of a syntax error); and nothing but outcomes comes out (no exception). With the
 * tests, the inputs in {@code DecodingFuzzTestInputs/fuzz} run; {@code bin/fuzz MINUTES} fuzzes.
 */
class DecodingFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void fuzz(FuzzedDataProvider data) {
        int chunk = data.consumeInt(1, 64);
        int batch = data.consumeInt(1, 256);
        int frame = data.consumeInt(1, 128);
        byte[] input = data.consumeRemainingAsBytes();
        List<String> whole = outcomes(input, input.length + 1, 1, 0, Limits.DEFAULT, false);
        assertEquals(whole, outcomes(input, 1, 1, 0, Limits.DEFAULT, false), "a byte at a time");
        assertEquals(whole, outcomes(input, chunk, 1, 0, Limits.DEFAULT, false), "chunks of " + chunk);
        assertEquals(whole, outcomes(input, chunk, 3, batch, Limits.DEFAULT, false), "3 jobs, blocks of " + batch);
        assertEquals(whole, outcomes(input, chunk, 3, batch, Limits.DEFAULT, true), "3 jobs, pausing, blocks of " + batch);
        // Items over the frame limit are read as their bytes come, piece by piece.
        Limits large = Limits.DEFAULT.withMaxFrameBytes(frame);
        List<String> pieces = outcomes(input, input.length + 1, 1, 0, large, false);
        assertEquals(pieces, outcomes(input, chunk, 1, 0, large, false), "large over " + frame + ", chunks of " + chunk);
        // The same but for a syntax error's words and place, which are the parser's as the pieces come.
        assertEquals(SameBytesSameOutcomesTest.syntaxUnworded(whole), SameBytesSameOutcomesTest.syntaxUnworded(pieces),
                "large over " + frame);
        // Cut into parts at lines that start an item, each decoded on its own.
        PartsTest.checkParts(input, new Random(chunk));
    }

    private static List<String> outcomes(byte[] input, int chunk, int jobs, int batch, Limits limits, boolean pausing) {
        StrompyDecoder.Builder b = StrompyDecoder.builder().limits(limits).jobs(jobs);
        if (batch > 0) {
            b.batchBytes(batch);
        }
        List<String> out = new ArrayList<>();
        try (StrompyDecoder d = b.build()) {
            for (int i = 0; i < input.length; i += chunk) {
                d.feed(input, i, Math.min(chunk, input.length - i));
                take(d, out, pausing);
            }
            d.endOfInput();
            take(d, out, true);
            assertEquals(true, d.isFinished());
        }
        return out;
    }

    private static void take(StrompyDecoder d, List<String> out, boolean wait) {
        for (Outcome o = wait ? d.take() : d.next(); o != null; o = wait ? d.take() : d.next()) {
            out.add(o.failed() ? o.item() + " ! " + o.error().type().id() + " " + o.error().describe()
                    : o.item() + " " + Arrays.toString(o.values()));
        }
    }
}

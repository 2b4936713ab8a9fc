package dev.strompy.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.Limits;
import dev.strompy.StrompyDecoder;
import dev.strompy.read.Lines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first stage's counts, by framing alone, are what the decoder gives: each split's items are
 * the outcomes of its bytes decoded as a part, its lines those bytes' lines, and the splits
 * follow one another without a gap. Also with items over the frame limit (read as they come),
 * cut at split sizes down to a few bytes.
 */
class CountingTest {
    private static final Configuration CONF = new Configuration();

    @TempDir
    Path dir;

    @RepeatedTest(40)
    void countsAreTheDecodersOutcomes(RepetitionInfo repetition) throws IOException {
        Random random = new Random(repetition.getCurrentRepetition());
        String text = WorkItems.untidy(random, random.nextInt(300))
                + (random.nextBoolean() ? "{\"lhs\": [[1, 2]], \"op\": [{\"code\": " : "");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("items.ndjson");
        Files.write(file, bytes);
        Limits limits = random.nextBoolean() ? Limits.DEFAULT : Limits.DEFAULT.withMaxFrameBytes(1 + random.nextInt(80));
        long size = 1 + random.nextInt(Math.max(1, bytes.length / 3));

        List<Split> splits = new ArrayList<>();
        for (long start = 0; start == 0 || start < bytes.length; start += size) {
            long end = Math.min(bytes.length, start + size);
            splits.add(new Split(splits.size(), "items.ndjson", file.toUri().toString(), start, end, bytes.length, false));
            if (end == bytes.length) {
                break;
            }
        }
        long from = 0;
        long items = 0;
        long line = 1;
        for (Split s : splits) {
            Counting.Counted c = Counting.count(s, CONF, limits);
            assertEquals(from, c.from(), "splits follow one another: " + s);
            assertTrue(c.to() >= c.from());
            int outcomes = outcomes(bytes, (int) c.from(), (int) c.to(), items, line, limits);
            assertEquals(outcomes, c.items(), s + " of\n" + text);
            assertEquals(Lines.count(bytes, (int) c.from(), (int) c.to()), c.lines(), s.toString());
            from = c.to();
            items += c.items();
            line += c.lines();
        }
        assertEquals(bytes.length, from);
        assertEquals(outcomes(bytes, 0, bytes.length, 0, 1, limits), items, "the whole file's items");
    }

    /** {@return how many outcomes the bytes {@code [from, to)} give, decoded as a part of the file} */
    private static int outcomes(byte[] bytes, int from, int to, long firstItem, long firstLine, Limits limits) {
        if (from == to) {
            return 0;
        }
        StrompyDecoder.Builder b = StrompyDecoder.builder().limits(limits).firstItem(firstItem);
        if (from > 0) {
            b.firstLine(firstLine);
        }
        int n = 0;
        try (StrompyDecoder d = b.build()) {
            d.feed(bytes, from, to - from);
            if (to < bytes.length) {
                d.endOfPart();
            } else {
                d.endOfInput();
            }
            while (d.take() != null) {
                n++;
            }
        }
        return n;
    }
}

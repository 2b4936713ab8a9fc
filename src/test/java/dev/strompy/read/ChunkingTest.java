package dev.strompy.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * What the decoder reports does not depend on how its input was cut into chunks: the same
 * parts, the same errors with the same messages at the same places, whether the bytes come all
 * at once, one at a time or in chunks of any size, on inputs full of malformed numbers, literals,
 * keys, invalid UTF-8 and cut lines.
 * The same holds for items longer than the frame limit, read as they stream in, but for the
 * words and column of a syntax error.
 */
class ChunkingTest {
    @RepeatedTest(300)
    void anyChunkingGivesTheSameParts(RepetitionInfo repetition) {
        Random random = new Random(1000 + repetition.getCurrentRepetition());
        String in = RandomItems.input(random, repetition.getCurrentRepetition() % 3 == 0 ? 20 : 1);
        byte[] bytes = in.getBytes(StandardCharsets.UTF_8);
        for (int i = 1; i < bytes.length; i++) {
            if (bytes[i - 1] == (byte) 0xC3 && random.nextBoolean()) {
                bytes[i] = '('; // invalid UTF-8: a lead byte without its continuation byte
            }
        }
        long limit = random.nextBoolean() ? 10_000_000L : 1 + random.nextInt(12);
        List<String> whole = RandomItems.decode(bytes, bytes.length, limit, true);
        assertEquals(whole, RandomItems.decode(bytes, 1, limit, true), in + " in chunks of 1");
        int chunk = 2 + random.nextInt(100);
        assertEquals(whole, RandomItems.decode(bytes, chunk, limit, true), in + " in chunks of " + chunk);
        // Every item large: read as it streams in, in pieces of a few bytes.
        int frame = 1 + random.nextInt(40);
        List<String> large = RandomItems.decode(bytes, bytes.length, new Reading(limit, frame, true));
        assertEquals(large, RandomItems.decode(bytes, 1, new Reading(limit, frame, true)), in + " large, in chunks of 1");
        assertEquals(large, RandomItems.decode(bytes, chunk, new Reading(limit, frame, true)), in + " large, in chunks of " + chunk);
        // The same outcomes, save the words and column of a syntax error: the parser words its
        // errors as the pieces of a large item come.
        assertEquals(syntaxUnworded(whole), syntaxUnworded(large), in + " large, frames of " + frame);
    }

    private static List<String> syntaxUnworded(List<String> parts) {
        return parts.stream().map(p -> p.startsWith("failure syntax ") ? "failure syntax" : p).toList();
    }
}

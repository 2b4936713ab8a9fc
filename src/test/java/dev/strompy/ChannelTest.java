package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChannelTest {
    /** The article's script: one task feeds op.json in random chunks of 0 to 128 bytes, another polls. */
    @Test
    void theArticlesChannelGivesTheDotProduct() throws Exception {
        byte[] json = Files.readAllBytes(Path.of("op.json"));
        for (long seed = 0; seed < 20; seed++) {
            Channel channel = Strompy.channel();
            Random random = new Random(seed);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < json.length;) {
                    int n = Math.min(json.length - i, random.nextInt(129));
                    byte[] chunk = new byte[n];
                    System.arraycopy(json, i, chunk, 0, n);
                    channel.writer().feed(chunk).join();
                    i += n;
                }
                channel.writer().close();
            });
            CompletableFuture<List<double[][]>> reader = CompletableFuture.supplyAsync(() -> {
                List<double[][]> results = new ArrayList<>();
                for (Optional<double[][]> r = channel.reader().next().join(); r.isPresent(); r = channel.reader().next().join()) {
                    results.add(r.get());
                }
                return results;
            });
            writer.get(10, TimeUnit.SECONDS);
            List<double[][]> results = reader.get(10, TimeUnit.SECONDS);
            assertEquals(1, results.size());
            assertArrayEquals(new double[][] {{1586.0}}, results.get(0), "seed " + seed);
        }
    }

    @Test
    void aFullBufferHoldsBackTheWriterUntilTheReaderTakesResults() {
        Channel channel = Strompy.channel();
        byte[] item = "{\"lhs\":[[1]],\"op\":[]}\n".getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[item.length * 1000];
        for (int i = 0; i < 1000; i++) {
            System.arraycopy(item, 0, chunk, i * item.length, item.length);
        }
        List<CompletableFuture<Void>> feeds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            feeds.add(channel.writer().feed(chunk));
        }
        long accepted = feeds.stream().filter(CompletableFuture::isDone).count();
        assertTrue(accepted < 10, "bounded: " + accepted + " of 10 chunks of " + chunk.length + " bytes accepted unread");
        assertTrue(accepted >= 1);
        channel.writer().close();
        int results = 0;
        while (channel.reader().next().join().isPresent()) {
            results++;
        }
        assertEquals(10_000, results);
        assertTrue(feeds.stream().allMatch(CompletableFuture::isDone));
    }

    @Test
    void theFirstFailedItemCompletesTheReadExceptionally() {
        Channel channel = Strompy.channel();
        CompletableFuture<Optional<double[][]>> first = channel.reader().next();
        assertFalse(first.isDone(), "nothing fed yet: the read waits, nothing blocks");
        channel.writer().feed("{\"lhs\":[[1]],\"op\":[]} {\"lhs\":[[1]],\"op\":[{\"code\":\"nope\"}]} {\"lhs\":[[2]],\"op\":[]}"
                .getBytes(StandardCharsets.UTF_8));
        channel.writer().close();
        assertArrayEquals(new double[][] {{1}}, first.join().orElseThrow());
        ExecutionException e = assertThrows(ExecutionException.class, () -> channel.reader().next().get());
        StrompyError error = assertInstanceOf(StrompyError.class, e.getCause());
        assertEquals(ErrorType.OP, error.type());
        assertThrows(ExecutionException.class, () -> channel.reader().next().get(), "and so for every later read");
        assertThrows(IllegalStateException.class, () -> channel.writer().feed(new byte[1]));
    }
}

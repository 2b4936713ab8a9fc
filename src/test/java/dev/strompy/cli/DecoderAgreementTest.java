package dev.strompy.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strompy.Chunking;
import dev.strompy.Outcome;
import dev.strompy.Strompy;
import dev.strompy.StrompyDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every golden input and op fixture: the decoder gives the same outcomes however the bytes
 * are cut (whole, one byte at a time, random chunks of 0..3 and 0..128 bytes, several seeds), and
 * the command line under {@code -k} agrees with it item for item: the same results, bit for bit,
 * and the same errors with the same places.
 */
class DecoderAgreementTest {
    private static final long SEEDS = 5;

    @TestFactory
    Stream<DynamicTest> decoderAndCommandLineAgree() throws IOException {
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> golden = Files.list(Path.of("src/test/resources/golden"))) {
            golden.filter(p -> p.toString().endsWith(".json")).sorted().forEach(inputs::add);
        }
        inputs.add(Path.of("src/test/resources/fixtures/ops.ndjson"));
        inputs.add(Path.of("src/test/resources/fixtures/chains.ndjson"));
        inputs.add(Path.of("src/test/resources/golden/files/truncated.json"));
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> check(Files.readAllBytes(p))));
    }

    private static void check(byte[] input) {
        List<String> whole = describe(decode(input, Chunking.WHOLE, 0));
        for (Chunking c : Chunking.values()) {
            for (long seed = 0; seed < (c == Chunking.WHOLE || c == Chunking.BYTE_AT_A_TIME ? 1 : SEEDS); seed++) {
                List<String> got = describe(decode(input, c, seed));
                assertEquals(whole, got, c + " seed " + seed);
            }
        }
        List<Outcome> outcomes = decode(input, Chunking.WHOLE, 0);
        Run run = Run.of(input, "-k");
        String[] out = run.out().isEmpty() ? new String[0] : run.out().split("\n");
        assertEquals(outcomes.size(), out.length, "one line per outcome");
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            Outcome o = outcomes.get(i);
            if (o.failed()) {
                errors.add("strompy: " + o.error().describe());
            } else {
                double[][] printed = Strompy.exec(("{\"lhs\":" + out[i] + ",\"op\":[]}").getBytes(StandardCharsets.UTF_8))[0];
                assertArrayEquals(o.result(), printed, "item " + i);
            }
        }
        String err = run.err().isEmpty() ? "" : run.err();
        assertEquals(String.join("", errors.stream().map(e -> e + "\n").toList()), err);
    }

    static List<Outcome> decode(byte[] input, Chunking chunking, long seed) {
        List<Outcome> outcomes = new ArrayList<>();
        try (StrompyDecoder d = new StrompyDecoder()) {
            for (byte[] chunk : chunking.cut(input, seed)) {
                d.feed(chunk, 0, chunk.length);
                for (Outcome o = d.next(); o != null; o = d.next()) {
                    outcomes.add(o);
                }
            }
            d.endOfInput();
            for (Outcome o = d.next(); o != null; o = d.next()) {
                outcomes.add(o);
            }
        }
        return outcomes;
    }

    /** Results with their exact bits, errors with type and place. */
    static List<String> describe(List<Outcome> outcomes) {
        List<String> out = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.failed()) {
                out.add(o.item() + " ! " + o.error().type().id() + " " + o.error().describe());
            } else {
                StringBuilder sb = new StringBuilder().append(o.item()).append(' ');
                for (double[] row : o.result()) {
                    sb.append(Arrays.toString(Arrays.stream(row).mapToLong(Double::doubleToRawLongBits).toArray()));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}

package dev.strompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden command-line cases under {@code src/test/resources/golden/}: {@code NAME.json} is
 * stdin, {@code NAME.args} (optional) the arguments one per line, and {@code NAME.out},
 * {@code NAME.err}, {@code NAME.exit} what the run must print and return. Run with
 * {@code -Dgolden.update=true} to rewrite the expectations, then read every changed file before
 * committing it.
 */
class GoldenTest {
    private static final Path DIR = Path.of("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(DIR)) {
            inputs = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(inputs.isEmpty(), "no golden cases found in " + DIR.toAbsolutePath());
        return inputs.stream().map(input -> DynamicTest.dynamicTest(name(input), () -> check(input)));
    }

    private static String name(Path input) {
        String file = input.getFileName().toString();
        return file.substring(0, file.length() - ".json".length());
    }

    private static void check(Path input) throws IOException {
        String name = name(input);
        Path args = DIR.resolve(name + ".args");
        String[] argv = Files.exists(args)
                ? Files.readAllLines(args, StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).toArray(String[]::new)
                : new String[0];
        Run run = Run.of(Files.readAllBytes(input), argv);
        Path out = DIR.resolve(name + ".out");
        Path err = DIR.resolve(name + ".err");
        Path exit = DIR.resolve(name + ".exit");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(out, run.out(), StandardCharsets.UTF_8);
            Files.writeString(err, run.err(), StandardCharsets.UTF_8);
            Files.writeString(exit, run.exit() + "\n", StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Files.readString(out, StandardCharsets.UTF_8), run.out(), name + ": stdout");
        assertEquals(Files.readString(err, StandardCharsets.UTF_8), run.err(), name + ": stderr");
        assertEquals(Files.readString(exit, StandardCharsets.UTF_8).trim(), String.valueOf(run.exit()), name + ": exit");
    }
}

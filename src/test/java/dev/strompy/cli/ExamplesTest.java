package dev.strompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's examples are what the command prints: each {@code $ bin/strompy ARGS} line in the
 * examples block is run on the files the repository ships, and the lines after it, up to the end
 * of its code block, must be its stdout, with its stderr lines (those that start
 * {@code strompy:}) where a terminal shows them.
 */
class ExamplesTest {
    @Test
    void theReadmesExamplesPrintWhatTheyShow() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String block = readme.substring(readme.indexOf("<!-- examples:begin -->"), readme.indexOf("<!-- examples:end -->"));
        List<String> lines = block.lines().toList();
        int run = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("$ bin/strompy ")) {
                continue;
            }
            String[] args = lines.get(i).substring("$ bin/strompy ".length()).split(" ");
            List<String> out = new ArrayList<>();
            List<String> err = new ArrayList<>();
            for (i++; !lines.get(i).startsWith("```"); i++) {
                (lines.get(i).startsWith("strompy: ") ? err : out).add(lines.get(i));
            }
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            Main.run(args, new ByteArrayInputStream(new byte[0]), stdout, new PrintStream(stderr, true, StandardCharsets.UTF_8),
                    Terminal.NONE);
            String shown = String.join(" ", args);
            assertEquals(out, stdout.toString(StandardCharsets.UTF_8).lines().toList(), shown);
            assertEquals(err, stderr.toString(StandardCharsets.UTF_8).lines().toList(), shown);
            run++;
        }
        assertTrue(run >= 4, run + " examples");
    }
}

package dev.strompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CompletionScriptsTest {
    private static final String REGENERATE =
            "completions/ is out of date: run java -cp target/strompy.jar dev.strompy.cli.CompletionScripts completions";

    @Test
    void checkedInScriptsMatchTheOptions() throws IOException {
        assertEquals(CompletionScripts.bash(), Files.readString(Path.of("completions/strompy.bash"), StandardCharsets.UTF_8), REGENERATE);
        assertEquals(CompletionScripts.zsh(), Files.readString(Path.of("completions/_strompy"), StandardCharsets.UTF_8), REGENERATE);
    }

    @Test
    void scriptsOfferEveryOptionAndFormat() {
        String bash = CompletionScripts.bash();
        for (String option : new String[] {"--format", "--with-filename", "--keep-going", "--max-elements",
            "--unbuffered", "--list-ops", "--debug", "--help", "--version", "jsonl"}) {
            assertTrue(bash.contains(option), option);
        }
        assertTrue(CompletionScripts.zsh().startsWith("#compdef strompy\n"));
    }
}

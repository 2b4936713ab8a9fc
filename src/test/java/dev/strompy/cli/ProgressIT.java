package dev.strompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strompy.Child;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress bar, seen in a real terminal (tmux) and absent when stderr is a pipe. */
class ProgressIT {
    private static final String JAR = Path.of(System.getProperty("strompy.jar", "target/strompy.jar")).toAbsolutePath().toString();
    private static final String SOCKET = "strompy-progress-it";

    @TempDir
    static Path dir;
    private static Path big;

    /** Just over the 50 MB threshold, with items slow enough (64x64 powers) to watch the bar. */
    @BeforeAll
    static void bigFile() throws IOException {
        big = dir.resolve("big.json");
        String row = "[" + "1,".repeat(63) + "1]";
        String item = "{\"lhs\":[" + (row + ",").repeat(63) + row + "],\"op\":[{\"code\":\"pow\",\"rhs\":6},{\"code\":\"sum\"}]}\n";
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            for (long written = 0; written <= Progress.MIN_BYTES; written += item.length()) {
                w.write(item);
            }
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        return Child.run(new ProcessBuilder(command).redirectErrorStream(true), Duration.ofSeconds(30)).out();
    }

    private static boolean tmuxAvailable() {
        try {
            return Child.run(new ProcessBuilder("tmux", "-V"), Duration.ofSeconds(10)).exit() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void aBarShowsInATerminalAndIsGoneAtTheEnd() throws Exception {
        assumeTrue(tmuxAvailable(), "tmux is not installed");
        String session = "p" + ProcessHandle.current().pid();
        run("tmux", "-L", SOCKET, "new-session", "-d", "-s", session, "-x", "120", "-y", "6",
                "java -jar '" + JAR + "' '" + big + "' > /dev/null; echo EXIT=$?; sleep 60");
        String barSeen = null;
        String pane = "";
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                pane = run("tmux", "-L", SOCKET, "capture-pane", "-p", "-t", session);
                if (barSeen == null && pane.contains("items/s")) {
                    barSeen = pane;
                }
                if (pane.contains("EXIT=")) {
                    break;
                }
                Thread.sleep(100);
            }
        } finally {
            run("tmux", "-L", SOCKET, "kill-session", "-t", session);
        }
        assertTrue(pane.contains("EXIT=0"), pane);
        assertTrue(barSeen != null, "no progress bar was seen; last pane:\n" + pane);
        String bar = barSeen.lines().filter(l -> l.contains("items/s")).findFirst().orElseThrow();
        assertTrue(bar.contains("big.json [#") || bar.contains("big.json [-"), bar);
        assertTrue(bar.matches(".*\\d+% [\\d.]+ MB/52\\.4 MB .* items/s ETA \\d+:\\d\\d.*"), bar);
        assertFalse(pane.contains("items/s"), "the bar is erased at the end:\n" + pane);
        Files.writeString(Path.of("target", "progress-pane.txt"), barSeen, StandardCharsets.UTF_8);
    }

    @Test
    void noBarWhenStderrIsAPipe() throws Exception {
        Child.Result r = Child.run(new ProcessBuilder("java", "-jar", JAR, big.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD), Duration.ofSeconds(60));
        assertEquals(0, r.exit());
        assertEquals("", r.err());
    }
}

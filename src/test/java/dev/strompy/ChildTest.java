package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The harness the process tests run in: a child that hangs fails the test, with its threads. */
class ChildTest {
    /** Stands still until killed. */
    public static final class Stuck {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("started");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static ProcessBuilder java(Class<?> main) {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName());
    }

    @Test
    void aChildThatHangsFailsTheTestWithAThreadDumpAndIsKilled() {
        long start = System.nanoTime();
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Child.run(java(Stuck.class), Duration.ofSeconds(3)));
        assertTrue(e.getMessage().contains("still running after 3 s"), e.getMessage());
        assertTrue(e.getMessage().contains("started"), "what it wrote: " + e.getMessage());
        assertTrue(e.getMessage().contains("Full thread dump"), "its threads: " + e.getMessage());
        assertTrue(e.getMessage().contains("ChildTest$Stuck.main"), "where it stood: " + e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos(), "failed in seconds");
    }

    @Test
    void bothOutputsAreReadWhileTheInputIsWritten() throws Exception {
        // cat echoes 4 MB while it is fed: a test that wrote it all before reading would hang.
        byte[] input = "0123456789abcdef".repeat(1 << 18).getBytes(StandardCharsets.US_ASCII);
        Child.Result r = Child.run(new ProcessBuilder("sh", "-c", "cat; echo done >&2"), input, Duration.ofSeconds(30));
        assertEquals(0, r.exit());
        assertEquals(input.length, r.out().length());
        assertEquals("done\n", r.err());
    }
}

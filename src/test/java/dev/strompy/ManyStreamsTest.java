package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** 10,000 decoders multiplexed on one thread, in a JVM of its own with a 160 MB heap. */
class ManyStreamsTest {
    @Test
    void tenThousandStreamsOnOneThreadInASmallHeap() throws IOException, InterruptedException {
        ProcessBuilder p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                ManyStreams.class.getName(), "10000")
                .redirectErrorStream(true);
        Child.Result r = Child.run(p, Duration.ofSeconds(120));
        String out = r.out();
        assertEquals(0, r.exit(), out);
        List<String> lines = out.lines().toList();
        assertEquals("ok", lines.get(lines.size() - 1), out);
        long parked = Long.parseLong(lines.get(0).split(" ")[1]);
        System.out.println("ManyStreams: " + String.join(", ", lines));
        assertTrue(parked <= 8192, "a parked decoder retains " + parked + " bytes");
    }
}

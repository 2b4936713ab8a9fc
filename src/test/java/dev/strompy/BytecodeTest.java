package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build choices that keep start-up short: every class strompy loads can go into the
 * launcher's class-data-sharing archive, and nothing spins classes at start-up.
 */
class BytecodeTest {
    /** Class-file major version of Java 17. */
    private static final int JAVA_17 = 61;

    @Test
    void picocliIsJava17Bytecode() throws IOException {
        // The released picocli jar is Java 5 bytecode (major 49), which the archive cannot hold.
        for (String name : List.of("picocli/CommandLine.class", "picocli/CommandLine$Model$CommandSpec.class",
                "picocli/CommandLine$Help.class")) {
            try (InputStream in = BytecodeTest.class.getClassLoader().getResourceAsStream(name)) {
                assertTrue(in != null, name + " is on the classpath");
                byte[] head = in.readNBytes(8);
                int major = ((head[6] & 0xff) << 8) | (head[7] & 0xff);
                assertEquals(JAVA_17, major, name + " class-file version");
            }
        }
    }

    @Test
    void noStringConcatenationThroughInvokedynamic() throws IOException {
        Path classes = Paths.get("target", "classes");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        }
        assertTrue(files.size() > 100, "compiled classes found under " + classes);
        for (Path f : files) {
            // The bootstrap method's name sits in the constant pool as plain (modified) UTF-8.
            String pool = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(pool.contains("makeConcatWithConstants"), f + " concatenates strings with invokedynamic");
        }
    }
}

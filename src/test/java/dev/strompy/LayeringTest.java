package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §5, checked on the compiled classes: cli → read, write → eval → error; only cli uses
 * picocli, only read and write use Jackson, only eval uses EJML; the API package uses no cli
 * or write class, so the library artifact can leave both out.
 */
class LayeringTest {
    private static final Path CLASSES = Path.of("target/classes/dev/strompy");

    /** For each package, the packages and libraries it must not name. */
    private static final Map<String, Set<String>> FORBIDDEN = Map.of(
            "error", Set.of("dev/strompy/cli", "dev/strompy/read", "dev/strompy/write", "dev/strompy/eval", "picocli", "tools/jackson", "org/ejml"),
            "eval", Set.of("dev/strompy/cli", "dev/strompy/read", "dev/strompy/write", "picocli", "tools/jackson"),
            "read", Set.of("dev/strompy/cli", "dev/strompy/write", "picocli", "org/ejml"),
            "write", Set.of("dev/strompy/cli", "dev/strompy/read", "picocli", "org/ejml"),
            "cli", Set.of("org/ejml", "tools/jackson"),
            // The Spark application (built with -Pspark) is an adapter like the command line.
            "spark", Set.of("org/ejml", "tools/jackson"),
            "", Set.of("dev/strompy/cli", "dev/strompy/write", "picocli", "tools/jackson", "org/ejml"));

    @Test
    void packagesDependOneWay() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String rel = CLASSES.relativize(f).toString();
                String pkg = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
                if (!FORBIDDEN.containsKey(pkg)) {
                    continue;
                }
                for (String name : names(f)) {
                    for (String bad : FORBIDDEN.get(pkg)) {
                        if (name.contains(bad + "/")) {
                            violations.add(rel + " names " + name);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    private static Set<String> names(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile)) {
            return ConstantPool.strings(in, classFile.toString());
        }
    }
}

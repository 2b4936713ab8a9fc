package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The packaged library artifact, as a project that depends on it gets it: only {@code dev/strompy}
 * classes, no command line, jackson-core and EJML as its dependencies, and enough on its own
 * (with those two) to compile and run a program against.
 */
class LibraryJarIT {
    private static final Path LIBRARY = Path.of(System.getProperty("strompy.library", "target/library/strompy.jar"));
    private static final String DEPENDENCIES = System.getProperty("strompy.library.dependencies", "");

    @Test
    void holdsOnlyTheLibraryClasses() throws IOException {
        List<String> foreign = new ArrayList<>();
        int classes = 0;
        try (JarFile jar = new JarFile(LIBRARY.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                String name = e.getName();
                if (name.endsWith(".class")) {
                    classes++;
                }
                boolean library = name.startsWith("dev/strompy/") && !name.startsWith("dev/strompy/cli/")
                        && !name.startsWith("dev/strompy/write/");
                if (!library && !name.startsWith("META-INF/") && !name.equals("dev/")) {
                    foreign.add(name);
                }
            }
        }
        assertEquals(List.of(), foreign);
        assertTrue(classes > 40, classes + " classes");
    }

    @Test
    void namesItsModuleAndHasNoMainClass() throws IOException {
        try (JarFile jar = new JarFile(LIBRARY.toFile())) {
            Manifest m = jar.getManifest();
            assertEquals("dev.strompy", m.getMainAttributes().getValue("Automatic-Module-Name"));
            assertNull(m.getMainAttributes().getValue("Main-Class"));
            assertEquals("Apache-2.0", m.getMainAttributes().getValue("Bundle-License"));
            assertTrue(new String(jar.getInputStream(jar.getEntry("META-INF/LICENSE")).readAllBytes(),
                    java.nio.charset.StandardCharsets.US_ASCII).contains("Apache License"), "the jar carries the licence");
        }
    }

    /** Every strompy class a library class names is in the jar: nothing reaches into the CLI. */
    @Test
    void namesNoClassOutsideItself() throws IOException {
        Pattern ref = Pattern.compile("(dev/strompy/[A-Za-z0-9_/$-]+|picocli/[A-Za-z0-9_/$-]+)");
        Set<String> missing = new TreeSet<>();
        try (JarFile jar = new JarFile(LIBRARY.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                if (!e.getName().endsWith(".class")) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(e)) {
                    for (String s : ConstantPool.strings(in, e.getName())) {
                        Matcher m = ref.matcher(s);
                        while (m.find()) {
                            if (jar.getEntry(m.group(1) + ".class") == null) {
                                missing.add(e.getName() + " names " + m.group(1));
                            }
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    /** The pom a consumer resolves lists jackson-core and EJML, and nothing else it must take. */
    @Test
    void itsPomListsJacksonAndEjml() throws Exception {
        Set<String> compile = new TreeSet<>();
        try (JarFile jar = new JarFile(LIBRARY.toFile());
                InputStream pom = jar.getInputStream(jar.getEntry("META-INF/maven/dev.strompy/strompy/pom.xml"))) {
            Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom).getDocumentElement();
            Element dependencies = child(project, "dependencies");
            NodeList list = dependencies.getElementsByTagName("dependency");
            for (int i = 0; i < list.getLength(); i++) {
                Element d = (Element) list.item(i);
                String scope = text(d, "scope");
                boolean optional = "true".equals(text(d, "optional"));
                if ((scope == null || scope.equals("compile") || scope.equals("runtime")) && !optional) {
                    compile.add(text(d, "groupId") + ":" + text(d, "artifactId"));
                }
            }
        }
        assertEquals(Set.of("tools.jackson.core:jackson-core", "org.ejml:ejml-ddense"), compile);
    }

    /**
     * A program outside this project, compiled and run with nothing on its class path but the
     * library jar, jackson-core and EJML: the README's channel and blocking examples, the blocking helpers, the
     * decoder and the partition API.
     */
    @Test
    void aProgramRunsWithOnlyTheLibraryAndItsDependencies(@TempDir Path dir) throws IOException, InterruptedException {
        assertFalse(DEPENDENCIES.isEmpty(), "strompy.library.dependencies is set by the build");
        String classpath = LIBRARY.toAbsolutePath() + File.pathSeparator + DEPENDENCIES;
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String block = readme.substring(readme.indexOf("<!-- channel-example -->"), readme.indexOf("<!-- /channel-example -->"));
        Files.writeString(dir.resolve("ChannelExample.java"), block.substring(block.indexOf("```java") + 7, block.lastIndexOf("```")));
        String blocking = readme.substring(readme.indexOf("<!-- blocking-example -->"), readme.indexOf("<!-- /blocking-example -->"));
        Files.writeString(dir.resolve("BlockingExample.java"), """
                import dev.strompy.Strompy;
                import java.io.InputStream;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.Arrays;

                public class BlockingExample {
                    public static void main(String[] args) throws Exception {
                """ + blocking.substring(blocking.indexOf("```java") + 7, blocking.lastIndexOf("```")) + """
                        System.out.println(Arrays.deepToString(all));
                    }
                }
                """);
        Files.createDirectories(dir.resolve("examples"));
        Files.copy(Path.of("examples/items.ndjson"), dir.resolve("examples/items.ndjson"));
        Files.writeString(dir.resolve("Consumer.java"), """
                import dev.strompy.Outcome;
                import dev.strompy.Strompy;
                import dev.strompy.StrompyDecoder;
                import dev.strompy.error.StrompyError;
                import java.nio.charset.StandardCharsets;
                import java.util.Arrays;
                import java.util.Iterator;
                import java.util.List;

                public class Consumer {
                    public static void main(String[] args) {
                        byte[] json = "[{\\"lhs\\": [[1, 2]], \\"op\\": [{\\"code\\": \\"add\\", \\"rhs\\": [[1, 1]]}]}, {\\"lhs\\": [[3]], \\"op\\": []}]"
                                .getBytes(StandardCharsets.UTF_8);
                        System.out.println(Arrays.deepToString(Strompy.exec(json)));
                        try (StrompyDecoder d = new StrompyDecoder("upload")) {
                            for (byte b : json) {
                                d.feed(new byte[] {b}, 0, 1);
                            }
                            d.endOfInput();
                            for (Outcome o; (o = d.next()) != null;) {
                                System.out.println(o.item() + " " + Arrays.deepToString(o.result()));
                            }
                        }
                        Iterator<Outcome> part = Strompy.partition(List.of(
                                "{\\"lhs\\": [[2]], \\"op\\": [{\\"code\\": \\"mul\\", \\"rhs\\": [[1, 2]]}]}", "{\\"lhs\\": [[2]], \\"op\\": [{\\"code\\": \\"bad\\"}]}").iterator(),
                                "part-3", 40);
                        while (part.hasNext()) {
                            Outcome o = part.next();
                            System.out.println(o.failed() ? o.error().type() + " " + o.error().describe() : Arrays.deepToString(o.result()));
                        }
                        try {
                            Strompy.exec("{\\"lhs\\": [[1, 2]], \\"op\\": [{\\"code\\": \\"dot\\", \\"rhs\\": [[1, 2], [3, 4], [5, 6]]}]}".getBytes(StandardCharsets.UTF_8));
                        } catch (StrompyError e) {
                            System.out.println(e.type().id() + " " + e.getMessage());
                        }
                    }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", dir.toString(), "-cp", classpath,
                dir.resolve("ChannelExample.java").toString(), dir.resolve("Consumer.java").toString(),
                dir.resolve("BlockingExample.java").toString()));
        String run = classpath + File.pathSeparator + dir;
        assertEquals(List.of("[[1586.0]]"), java(dir, run, "ChannelExample"));
        assertEquals(List.of("[[2.0, 1.0], [4.0, 3.0]]", "[[-2.0]]", "[[0.5, 2.0], [1.0, 2.5], [1.5, 3.0]]",
                "[[0.2727272727272727, -0.09090909090909091], [-0.09090909090909091, 0.36363636363636365]]",
                "[[2.0], [2.0]]", "[[[1586.0]]]"), java(dir, run, "BlockingExample"));
        assertEquals(List.of(
                "[[[2.0, 3.0]], [[3.0]]]",
                "0 [[2.0, 3.0]]",
                "1 [[3.0]]",
                "[[2.0, 4.0]]",
                "OP part-3:2:32: item 41, op 0: unknown op \"bad\"; did you mean \"add\"?",
                "shape -:1:26: item 0, op 0 (dot): shape mismatch: 1x2 · 3x2"), java(dir, run, "Consumer"));
    }

    private static List<String> java(Path dir, String classpath, String main) throws IOException, InterruptedException {
        Files.copy(Path.of("op.json"), dir.resolve("op.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Child.Result r = Child.run(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath, main).directory(dir.toFile()).redirectErrorStream(true), Duration.ofSeconds(60));
        String out = r.out();
        assertEquals(0, r.exit(), out);
        return out.lines().toList();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no <" + name + "> in the pom");
    }

    private static String text(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }
}

package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's channel example compiles against the library and prints the article's result. */
class ReadmeExampleTest {
    @Test
    void theChannelExampleRuns(@TempDir Path dir) throws IOException, InterruptedException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String block = readme.substring(readme.indexOf("<!-- channel-example -->"), readme.indexOf("<!-- /channel-example -->"));
        String code = block.substring(block.indexOf("```java") + 7, block.lastIndexOf("```"));
        Path source = dir.resolve("ChannelExample.java");
        Files.writeString(source, code, StandardCharsets.UTF_8);
        String classpath = System.getProperty("java.class.path");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", dir.toString(), "-cp", classpath, source.toString()));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", dir + java.io.File.pathSeparator + classpath, "ChannelExample")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(List.of("[[1586.0]]"), out.lines().toList());
        assertEquals(0, p.exitValue());
    }
}

package dev.strompy.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.Child;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark application submitted in local mode, as {@code spark-submit} runs it: its part
 * files, concatenated, are byte for byte what one {@code strompy} process writes for the same
 * files with the same options, and it exits as that process does. The inputs are cut into many
 * splits, among untidy lines, and include a directory, an empty file and one JSON array larger
 * than a split.
 */
class StrompyJobIT {
    @TempDir
    static Path dir;
    static List<String> inputs;

    @BeforeAll
    static void write() throws IOException {
        Random random = new Random(20261207);
        Path batch = Files.createDirectories(dir.resolve("batch"));
        Files.writeString(batch.resolve("a.ndjson"), WorkItems.untidy(random, 8_000), StandardCharsets.UTF_8);
        Files.writeString(batch.resolve("b.json"), WorkItems.array(random, 1_500), StandardCharsets.UTF_8);
        Files.writeString(batch.resolve("_SUCCESS"), "", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("empty.ndjson"), "", StandardCharsets.UTF_8);
        Files.write(dir.resolve("c.ndjson"), WorkItems.items(random, 3_000), StandardCharsets.UTF_8);
        assertTrue(Files.size(batch.resolve("b.json")) > 4 * 32 * 1024, "the array is larger than a split");
        inputs = List.of(dir.resolve("batch").toString(), dir.resolve("empty.ndjson").toString(),
                dir.resolve("c.ndjson").toString());
    }

    /** The files one strompy process is given for {@link #inputs}: the directory's, by name, without Hadoop's markers. */
    private static List<String> files() {
        return List.of(dir.resolve("batch/a.ndjson").toString(), dir.resolve("batch/b.json").toString(),
                dir.resolve("empty.ndjson").toString(), dir.resolve("c.ndjson").toString());
    }

    @Test
    void recordGivesWhatOneProcessGives() throws IOException, InterruptedException {
        Child.Result job = sameAsOneProcess("record", List.of("--on-error=record"));
        // Lines that are not JSON are syntax errors: not an item's alone, so the status is 65.
        assertEquals(65, job.exit(), job.err());
        assertTrue(job.err().contains("syntax"), job.err());
    }

    @Test
    void jsonWithContinueGivesWhatOneProcessGives() throws IOException, InterruptedException {
        Child.Result job = sameAsOneProcess("json", List.of("--format", "json", "-k"));
        assertEquals(65, job.exit(), job.err());
    }

    @Test
    void tableWithSourcesGivesWhatOneProcessGives() throws IOException, InterruptedException {
        sameAsOneProcess("table", List.of("--format=table", "-H", "--digits", "4", "--on-error=continue"));
    }

    /** With --on-error=stop the output ends at the first failed item, and the error is the one strompy reports. */
    @Test
    void stopEndsWhereOneProcessEnds() throws IOException, InterruptedException {
        Child.Result job = sameAsOneProcess("stop", List.of("--format", "json"));
        assertEquals(65, job.exit(), job.err());
        Child.Result one = SparkProcesses.strompy(files().toArray(String[]::new));
        assertTrue(job.err().contains(one.err().lines().findFirst().orElseThrow() + "\n"), job.err() + "\n" + one.err());
        // Only the parts up to the failed item's are left.
        try (Stream<Path> parts = Files.list(dir.resolve("out-stop"))) {
            assertEquals(1, parts.filter(p -> p.getFileName().toString().startsWith("part-")).count());
        }
    }

    /** Only items that fail on their own: with record, exit 0. */
    @Test
    void recordOfItemErrorsExitsZero() throws IOException, InterruptedException {
        Path out = dir.resolve("out-items");
        Child.Result job = SparkProcesses.local("--on-error=record", "--split-size=16k", dir.resolve("c.ndjson").toString(),
                out.toString());
        Child.Result one = SparkProcesses.strompy("--on-error=record", dir.resolve("c.ndjson").toString());
        assertEquals(0, one.exit(), one.err());
        assertEquals(0, job.exit(), job.err());
        assertEquals(one.out(), concatenated(out));
        assertTrue(job.err().matches("(?s).*strompy-spark: 3000 items in 1 file, [1-9][0-9]* failed \\(.*\\); [0-9]+ part files in .*"),
                job.err());
    }

    /** A compressed file is one split, read through Hadoop's codec for its name. */
    @Test
    void aCompressedFileIsReadWhole() throws IOException, InterruptedException {
        Path gz = dir.resolve("c.ndjson.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(dir.resolve("c.ndjson"), out);
        }
        Path out = dir.resolve("out-gz");
        Child.Result job = SparkProcesses.local("--on-error=record", "--split-size=16k", gz.toString(), out.toString());
        Child.Result one = Child.run(new ProcessBuilder(SparkProcesses.STROMPY.toString(), "--on-error=record",
                "--source", gz.toString()).redirectInput(dir.resolve("c.ndjson").toFile()), Duration.ofMinutes(2));
        assertEquals(0, job.exit(), job.err());
        assertEquals(one.out(), concatenated(out));
        assertTrue(job.err().contains("; 1 part file in "), job.err());
    }

    /**
     * A file refused at its first bytes as not UTF-8 ends there, whatever follows: one split, one
     * error, as one process reads it (cut into splits, those after the first would be read).
     */
    @Test
    void aFileRefusedAtItsStartIsReadWhole() throws IOException, InterruptedException {
        Path refused = dir.resolve("nul.ndjson");
        try (OutputStream out = Files.newOutputStream(refused)) {
            out.write(new byte[] {'{', 0, '}', '\n'});
            Files.copy(dir.resolve("c.ndjson"), out);
        }
        Path out = dir.resolve("out-nul");
        Child.Result job = SparkProcesses.local("--on-error=record", "--split-size=16k", refused.toString(), out.toString());
        Child.Result one = SparkProcesses.strompy("--on-error=record", refused.toString());
        assertEquals(65, one.exit(), one.err());
        assertEquals(1, one.out().lines().count(), one.out());
        assertTrue(one.out().contains("not UTF-8"), one.out());
        assertEquals(one.exit(), job.exit(), job.err());
        assertEquals(one.out(), concatenated(out));
        assertTrue(job.err().contains("; 1 part file in "), job.err());
    }

    @Test
    void mistakesAreUsageErrors() throws IOException, InterruptedException {
        Child.Result format = SparkProcesses.local("--format", "xml", dir.resolve("c.ndjson").toString(), dir.resolve("x").toString());
        assertEquals(64, format.exit(), format.err());
        assertTrue(format.err().contains("strompy-spark: "), format.err());
        Child.Result exists = SparkProcesses.local(dir.resolve("c.ndjson").toString(), dir.resolve("batch").toString());
        assertEquals(64, exists.exit(), exists.err());
        assertTrue(exists.err().contains("exists"), exists.err());
        Child.Result missing = SparkProcesses.local(dir.resolve("nothing.ndjson").toString(), dir.resolve("y").toString());
        assertEquals(66, missing.exit(), missing.err());
        assertFalse(Files.exists(dir.resolve("y")));
        for (Child.Result r : List.of(format, exists, missing)) {
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
    }

    /** Runs the job on {@link #inputs} in splits of 32 KB and strompy on {@link #files()}, checks the outputs are the same; @return the job */
    private static Child.Result sameAsOneProcess(String name, List<String> options) throws IOException, InterruptedException {
        Path out = dir.resolve("out-" + name);
        List<String> args = new ArrayList<>(options);
        args.add("--split-size=32k");
        args.addAll(inputs);
        args.add(out.toString());
        Child.Result job = SparkProcesses.local(args.toArray(String[]::new));
        List<String> cli = new ArrayList<>(options);
        cli.addAll(files());
        Child.Result one = SparkProcesses.strompy(cli.toArray(String[]::new));
        assertEquals(one.exit(), job.exit(), job.err());
        assertFalse(one.out().isEmpty());
        assertEquals(one.out(), concatenated(out), name);
        return job;
    }

    /** The part files in order, one after the other. */
    static String concatenated(Path out) throws IOException {
        assertTrue(Files.exists(out.resolve("_SUCCESS")), "the job committed its output");
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> parts = Files.list(out)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                sb.append(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }
}

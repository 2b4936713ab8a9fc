package dev.strompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.Child;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The packaged jar, run as a real process in real pipes. */
class ProcessIT {
    private static final String JAR = Path.of(System.getProperty("strompy.jar", "target/strompy.jar")).toAbsolutePath().toString();
    private static final String LAUNCHER = Path.of("bin/strompy").toAbsolutePath().toString();
    private static final Path QUIT_HELPER = Path.of("target/native/libstrompyquit.so").toAbsolutePath();
    private static final ExecutorService READER = Executors.newSingleThreadExecutor();

    private static Child.Result sh(String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script);
        pb.environment().put("JAR", JAR);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return Child.run(pb, Duration.ofSeconds(90));
    }

    /**
     * The launcher's first run makes its class-data archive (a training run, several seconds on a
     * busy machine): made here, so that the tests that signal a run reach strompy, not that.
     */
    @org.junit.jupiter.api.BeforeAll
    static void launcherReady() throws Exception {
        Child.Result r = sh("\"" + Path.of("bin/strompy").toAbsolutePath() + "\" op.json");
        assertEquals("[[1586.0]]\n", r.out(), r.err());
    }

    /** Whether this process ignores signal {@code number}, as every process it starts then does. */
    private static boolean ignored(int number) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).trim(), 16) >> (number - 1) & 1) == 1;
            }
        }
        return false;
    }

    /** A shell loop that waits, up to a minute, until {@code file} has {@code lines} lines. */
    private static String awaitLines(Path file, int lines) {
        return " for i in $(seq 600); do [ \"$(wc -l < '" + file + "')\" -ge " + lines + " ] && break; sleep 0.1; done;";
    }

    @AfterAll
    static void stopReader() {
        READER.shutdownNow();
    }

    /**
     * Under a German locale the C library says "Datenübergabe unterbrochen (broken pipe)" for
     * EPIPE: the end is still quiet, with 141. Skipped where no German UTF-8 locale exists
     * ({@code localedef -i de_DE -f UTF-8 de_DE.UTF-8} makes one; CI does).
     */
    @Test
    void aClosedPipeIsQuietUnderAGermanLocaleToo() throws Exception {
        Child.Result locales = sh("locale -a");
        org.junit.jupiter.api.Assumptions.assumeTrue(locales.out().toLowerCase(java.util.Locale.ROOT).contains("de_de.utf8"),
                "no de_DE.UTF-8 locale here: " + locales.out().replace('\n', ' '));
        Child.Result r = sh("export LC_ALL=de_DE.UTF-8; yes '{\"lhs\":[[1,2]],\"op\":[]}' | java -jar \"$JAR\" 2>err.txt | head -1;"
                + " status=${PIPESTATUS[1]}; cat err.txt >&2; rm -f err.txt; exit $status");
        assertEquals("[[1.0,2.0]]\n", r.out());
        assertEquals("", r.err());
        assertEquals(141, r.exit());
    }

    @Test
    void aClosedStdinIsReportedNotReadAsSomeOtherFile() throws Exception {
        Child.Result direct = sh("java -jar \"$JAR\" <&-");
        assertEquals(66, direct.exit(), direct.err());
        assertEquals("strompy: -: stdin is closed\n", direct.err());
        Child.Result launcher = sh("\"" + LAUNCHER + "\" <&-");
        assertEquals(66, launcher.exit(), launcher.err());
        assertEquals("strompy: -: stdin is closed\n", launcher.err());
    }

    /** A throwaway installation: the launcher, the packaged jar and op.json, under {@code dir/strompy}. */
    private static Path installation(Path dir) throws IOException {
        Path root = dir.resolve("strompy");
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("target"));
        Files.copy(Path.of(LAUNCHER), root.resolve("bin/strompy"));
        root.resolve("bin/strompy").toFile().setExecutable(true);
        Files.copy(Path.of(JAR), root.resolve("target/strompy.jar"));
        Files.copy(Path.of("op.json"), root.resolve("op.json"));
        return root;
    }

    /** The JDK of major version {@code from} or later installed under /usr/lib/jvm, if any. */
    private static Path jdkFrom(int from) {
        try (var jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path home : jdks.sorted().toList()) {
                Path release = home.resolve("release");
                if (Files.exists(release)) {
                    var m = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
                    if (m.find() && Integer.parseInt(m.group(1)) >= from && Files.isExecutable(home.resolve("bin/java"))) {
                        return home.toRealPath();
                    }
                }
            }
        } catch (IOException e) {
            // no /usr/lib/jvm
        }
        return null;
    }

    /**
     * A truncated class-data archive (AppCDS on JDK 17, an AOT cache on JDK 25, where installed)
     * would crash the JVM (SIGBUS) at every start: the launcher notices it by its size, makes a
     * new one, and no crash log lands in the working directory.
     */
    @ParameterizedTest
    @ValueSource(ints = {17, 25})
    void aTruncatedArchiveIsRemadeInsteadOfCrashing(int jdk, @TempDir Path dir) throws Exception {
        Path home = jdk == 17 ? Path.of(System.getProperty("java.home")) : jdkFrom(jdk);
        Assumptions.assumeTrue(home != null, "no JDK " + jdk + " or later under /usr/lib/jvm");
        String kind = jdk >= 25 ? ".aot" : ".jsa";
        Path root = installation(dir);
        Path work = Files.createDirectories(dir.resolve("work"));
        String run = "cd '" + work + "' && JAVA_HOME='" + home + "' '" + root.resolve("bin/strompy") + "' < '"
                + root.resolve("op.json") + "'";
        assertEquals("[[1586.0]]\n", sh(run).out());
        Path archive;
        try (var files = Files.list(root.resolve("target"))) {
            archive = files.filter(p -> p.toString().endsWith(kind)).findFirst().orElseThrow();
        }
        archive.toFile().setWritable(true);
        try (var channel = java.nio.channels.FileChannel.open(archive, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Child.Result r = sh(run);
        assertEquals(0, r.exit(), r.err());
        assertEquals("[[1586.0]]\n", r.out());
        assertEquals("", r.err());
        try (var left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "nothing left in the working directory");
        }
    }

    /**
     * The launcher keeps one class-data archive per JDK, named after the JDK a linked java
     * (/usr/bin/java) leads to, also when the link is switched to another; a newer JDK (22 and later, where loading the SIGQUIT helper
     * would warn) prints nothing on stderr, and from JDK 25 on the archive is an AOT cache. The
     * second half is skipped where no such JDK is installed under /usr/lib/jvm.
     */
    @Test
    void eachJdkHasItsOwnArchiveAndANewerOneRunsQuietly(@TempDir Path dir) throws Exception {
        Path root = installation(dir);
        if (Files.exists(QUIT_HELPER)) {
            Files.createDirectories(root.resolve("target/native"));
            Files.copy(QUIT_HELPER, root.resolve("target/native").resolve(QUIT_HELPER.getFileName()));
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
        Path links = Files.createDirectories(dir.resolve("links"));
        Files.createSymbolicLink(links.resolve("java"), java);
        String launcher = "'" + root.resolve("bin/strompy") + "' '" + root.resolve("op.json") + "'";
        Child.Result linked = sh("unset JAVA_HOME; PATH='" + links + "':$PATH " + launcher);
        assertEquals("[[1586.0]]\n", linked.out(), linked.err());
        String jdk = java.getParent().getParent().getFileName().toString();
        assertTrue(Files.exists(root.resolve("target/strompy-" + jdk + ".jsa")), "archive named after " + jdk);
        Path newer = jdkFrom(22);
        Assumptions.assumeTrue(newer != null, "no JDK 22 or later under /usr/lib/jvm");
        // The same link, switched to another JDK (as update-alternatives does): noticed.
        Files.delete(links.resolve("java"));
        Files.createSymbolicLink(links.resolve("java"), newer.resolve("bin/java"));
        Child.Result r = sh("unset JAVA_HOME; PATH='" + links + "':$PATH " + launcher);
        assertEquals("[[1586.0]]\n", r.out());
        assertEquals("", r.err(), "nothing on stderr under " + newer);
        Child.Result again = sh("JAVA_HOME='" + newer + "' " + launcher);
        assertEquals("[[1586.0]]\n", again.out());
        assertEquals("", again.err(), "nothing on stderr with the archive either");
        String made = "target/strompy-" + newer.getFileName();
        assertTrue(Files.exists(root.resolve(made + ".jsa")) || Files.exists(root.resolve(made + ".aot")), made);
        if (jdkFrom(25) != null && jdkFrom(25).equals(newer)) {
            assertTrue(Files.exists(root.resolve(made + ".aot")), "an AOT cache on JDK 25");
        }
    }

    @Test
    void nonAsciiNamesAndMessagesWorkUnderTheCLocale(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("matrizen-\u00e4.json");
        Files.copy(Path.of("op.json"), file);
        String name = "'" + file + "'";
        Child.Result c = sh("LC_ALL=C '" + LAUNCHER + "' " + name);
        assertEquals(0, c.exit(), c.err());
        assertEquals("[[1586.0]]\n", c.out());
        Child.Result bare = sh("env -i '" + LAUNCHER + "' " + name);
        assertEquals(0, bare.exit(), bare.err());
        Child.Result shape = sh("printf '{\"lhs\":[[1,2]],\"op\":[{\"code\":\"mul\",\"rhs\":[[1,2]]}]}' | LC_ALL=C java -jar \"$JAR\"");
        assertEquals("strompy: -:1:22: item 0, op 0 (mul): shape mismatch: 1x2 \u00b7 1x2\n", shape.err());
        // Without the launcher the JVM cannot name the file in ASCII: a no-input error, and -k goes on.
        Child.Result direct = sh("LC_ALL=C java -jar \"$JAR\" -k --format json " + name + " src/test/resources/golden/files/good.json");
        assertEquals(66, direct.exit(), direct.err());
        assertTrue(direct.err().contains("cannot be opened in this locale's character set"), direct.err());
        assertEquals("[\n[[21.0]]\n]\n", direct.out());
    }

    /**
     * A signal mid-stream: every finished result comes out as whole lines, then the status is
     * 128 + the signal's number. Job control is on in the script, so that the background run
     * gets the default handling of SIGINT that a foreground run in a terminal has.
     */
    @ParameterizedTest
    @ValueSource(strings = {"INT:130", "TERM:143", "HUP:129", "QUIT:131"})
    void aSignalKeepsFinishedResultsAsWholeLines(String signalAndStatus, @TempDir Path dir) throws Exception {
        String signal = signalAndStatus.split(":")[0];
        int status = Integer.parseInt(signalAndStatus.split(":")[1]);
        if (signal.equals("QUIT")) {
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(QUIT_HELPER),
                    "the SIGQUIT helper is built where gcc is; without it Ctrl-\\ dumps threads");
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(ignored(status - 128),
                "SIG" + signal + " is ignored here (the build runs in the background or under nohup), so strompy's too");
        Path fifo = dir.resolve("in");
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        // The signal comes once both results are out, however busy the machine is.
        Child.Result r = sh("set -m; mkfifo '" + fifo + "'; \"" + LAUNCHER + "\" < '" + fifo + "' >'" + out + "' 2>'" + err + "' & pid=$!;"
                + " exec 3>'" + fifo + "';"
                + " printf '{\"lhs\":[[1]],\"op\":[]}\\n{\"lhs\":[[2]],\"op\":[]}\\n' >&3;" + awaitLines(out, 2)
                + " kill -" + signal + " $pid; (trap 'kill $s; exit' TERM; sleep 15 & s=$!; wait $s; kill -9 $pid) >/dev/null 2>&1 & watchdog=$!;"
                + " wait $pid; status=$?; kill $watchdog 2>/dev/null; exec 3>&-; cat '" + out + "'; exit $status");
        assertEquals(status, r.exit(), r.err());
        assertEquals("[[1.0]]\n[[2.0]]\n", r.out());
        assertEquals("", Files.readString(err), "nothing on strompy's stderr");
    }

    /**
     * jcmd and jstack announce themselves with SIGQUIT (and an .attach_pid file): that one goes
     * on to the JVM, which answers them, and strompy goes on.
     */
    @Test
    void jcmdStillAttaches(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(QUIT_HELPER), "the SIGQUIT helper is built where gcc is");
        Path fifo = dir.resolve("in");
        Path out = dir.resolve("out");
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Child.Result r = sh("set -m; mkfifo '" + fifo + "'; \"" + LAUNCHER + "\" < '" + fifo + "' > '" + out + "' & pid=$!;"
                + " exec 3>'" + fifo + "';"
                + " printf '{\"lhs\":[[1]],\"op\":[]}\\n' >&3;" + awaitLines(out, 1)
                + " jvm=$(pgrep -P $pid java || echo $pid);"
                + " '" + jcmd + "' $jvm Thread.print | grep -c '^\"main\"' >&2;"
                + " printf '{\"lhs\":[[2]],\"op\":[]}\\n' >&3; exec 3>&-; wait $pid; status=$?; cat '" + out + "'; exit $status");
        assertEquals(0, r.exit(), r.err());
        assertEquals("[[1.0]]\n[[2.0]]\n", r.out());
        assertTrue(r.err().startsWith("1"), "jcmd printed the threads: " + r.err());
    }

    @Test
    void aSignalMidStreamNeverCutsALine(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Child.Result r = sh("set -m; yes '{\"lhs\":[[1,2]],\"op\":[]}' | \"" + LAUNCHER + "\" > '" + out + "' & pid=$!;"
                + awaitLines(out, 10_000) + " kill -TERM $pid; wait $pid");
        assertEquals(143, r.exit(), r.err());
        String written = Files.readString(out);
        assertTrue(written.length() > 100_000, "it ran for a while: " + written.length() + " bytes");
        assertTrue(written.endsWith("\n"), "the last line is whole");
        List<String> lines = written.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertEquals("[[1.0,2.0]]", line, () -> "every line is whole: line " + (1 + lines.indexOf(line))
                    + " of " + lines.size() + ", " + written.length() + " bytes");
        }
    }

    /**
     * A build lock left by a killed build (its process is gone) is taken over at once, not after
     * ten minutes. The build itself is a stand-in mvn that only freshens the jar.
     */
    @Test
    void aStaleBuildLockIsTakenOverAtOnce(@TempDir Path dir) throws Exception {
        Path root = installation(dir);
        Files.createDirectories(root.resolve("target/.build-lock"));
        Files.createDirectories(root.resolve("src/main"));
        Files.setLastModifiedTime(root.resolve("target/strompy.jar"), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        Files.writeString(root.resolve("src/main/Newer.java"), "// newer than the jar\n");
        Process dead = new ProcessBuilder("true").start();
        assertTrue(dead.waitFor(10, TimeUnit.SECONDS));
        Files.writeString(root.resolve("target/.build-lock/pid"), dead.pid() + "\n");
        Path fake = Files.createDirectories(dir.resolve("fakebin"));
        Files.writeString(fake.resolve("mvn"), "#!/bin/sh\ntouch target/strompy.jar\n");
        fake.resolve("mvn").toFile().setExecutable(true);
        long start = System.nanoTime();
        Child.Result r = sh("PATH='" + fake + "':$PATH '" + root.resolve("bin/strompy") + "' '" + root.resolve("op.json") + "'");
        assertEquals(0, r.exit(), r.err());
        assertEquals("[[1586.0]]\n", r.out());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "not a ten-minute wait");
        assertTrue(!Files.exists(root.resolve("target/.build-lock")), "the lock is released");
    }

    /**
     * A run that builds the jar first still reads all its input: the build does not get the
     * user's stdin (Maven plugins may pump it into what they run). The stand-in mvn reads it.
     */
    @Test
    void theBuildOnFirstUseLeavesStdinAlone(@TempDir Path dir) throws Exception {
        Path root = installation(dir);
        Files.createDirectories(root.resolve("src/main"));
        Files.setLastModifiedTime(root.resolve("target/strompy.jar"), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        Files.writeString(root.resolve("src/main/Newer.java"), "// newer than the jar\n");
        Path fake = Files.createDirectories(dir.resolve("fakebin"));
        Files.writeString(fake.resolve("mvn"), "#!/bin/sh\ncat > /dev/null\ntouch target/strompy.jar\n");
        fake.resolve("mvn").toFile().setExecutable(true);
        Child.Result r = sh("printf '{\"lhs\":[[5]],\"op\":[]}\\n' | PATH='" + fake + "':$PATH '" + root.resolve("bin/strompy") + "'");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("building"), r.err());
        assertEquals("[[5.0]]\n", r.out());
    }

    @Test
    void runningOutOfMemoryKeepsWhatIsFinishedAndNamesTheItem(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("big.ndjson");
        try (var w = Files.newBufferedWriter(input)) {
            w.write("{\"lhs\":[[1]],\"op\":[]}\n{\"lhs\":[[2]],\"op\":[]}\n{\"lhs\":{\"n\":1,\"d\":[");
            for (int i = 0; i < 9_000_000; i++) {
                w.write("1,");
            }
            w.write("1]},\"op\":[]}\n");
        }
        Child.Result r = sh("java -Xmx32m -XX:+UseSerialGC -jar \"$JAR\" '" + input + "'");
        assertEquals(65, r.exit(), r.err());
        assertEquals("[[1.0]]\n[[2.0]]\n", r.out());
        assertTrue(r.err().startsWith("strompy: " + input + ": item 2: out of memory: raise the heap (JAVA_OPTS=-Xmx"), r.err());
    }

    @Test
    void javaOptsIsSplitButNotGlobbed(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("-Dstrompy.probe=expanded"));
        Child.Result r = sh("cd '" + dir + "' && JAVA_OPTS='-Dstrompy.probe=* -XshowSettings:properties' \"" + LAUNCHER
                + "\" --version");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("strompy.probe = *"), r.err());
    }

    @Test
    void headOnAnEndlessInputEndsWithStatus141AndNoMessage() throws Exception {
        Child.Result r = sh("yes '{\"lhs\":[[1,2]],\"op\":[{\"code\":\"scale\",\"rhs\":2}]}' | java -jar \"$JAR\" 2>err.txt | head -1;"
                + " status=${PIPESTATUS[1]}; cat err.txt >&2; rm -f err.txt; exit $status");
        assertEquals("[[2.0,4.0]]\n", r.out());
        assertEquals(141, r.exit(), r.err());
        assertEquals("", r.err());
        // A hang detector, not a benchmark: the JVM start dominates; the end itself is immediate.
        assertTrue(r.millis() < 10_000, r.millis() + " ms");
    }

    @Test
    void aFullDiskGivesStatus74() throws Exception {
        Child.Result r = sh("printf '{\"lhs\":[[1]],\"op\":[]}' | java -jar \"$JAR\" > /dev/full");
        assertEquals(74, r.exit());
        // The detail after the colon is the C library's text, in the locale's language.
        assertTrue(r.err().startsWith("strompy: write error on stdout: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals(74, sh("java -jar \"$JAR\" --help > /dev/full").exit());
        assertEquals(74, sh("java -jar \"$JAR\" --version > /dev/full").exit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "json", "table"})
    void aPausingProducerGetsEachResultBeforeSendingTheNext(String format) throws Exception {
        pausingProducer(format, false);
    }

    /**
     * The same after a burst of 300 KB: stdout is read all along (a child whose output nobody
     * reads stops writing, and then reading), and each result of the producer that then pauses
     * comes while its input stays open.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "table"})
    void aProducerThatPausesAfterABurstGetsEachResultToo(String format) throws Exception {
        pausingProducer(format, true);
    }

    private static void pausingProducer(String format, boolean burst) throws Exception {
        Process p = new ProcessBuilder("java", "-XX:+DisplayVMOutputToStderr", "-jar", JAR, "-j", "4", "--format", format)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Child.Watch watch = Child.watch(p, Duration.ofSeconds(120));
        try {
            pausingProducer(p, format, burst);
        } finally {
            watch.close();
        }
    }

    private static void pausingProducer(Process p, String format, boolean burst) throws Exception {
        StringBuilder seen = new StringBuilder();
        InputStream stdout = p.getInputStream();
        Future<?> reading = READER.submit(() -> {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = stdout.read(buf)) >= 0;) {
                synchronized (seen) {
                    seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    seen.notifyAll();
                }
            }
            return null;
        });
        try (OutputStream stdin = p.getOutputStream()) {
            if (burst) {
                byte[] item = "{\"lhs\":[[0.5]],\"op\":[{\"code\":\"scale\",\"rhs\":2}]}\n".getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 6000; i++) {
                    stdin.write(item);
                }
                stdin.flush();
            }
            for (int i = 1; i <= 3; i++) {
                stdin.write(("{\"lhs\":[[" + i + "]],\"op\":[{\"code\":\"scale\",\"rhs\":10}]}\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
                String want = switch (format) {
                    case "table" -> "# item " + (i - 1 + (burst ? 6000 : 0)) + " (1x1)\n" + (i * 10) + ".\n";
                    default -> "[[" + (i * 10) + ".0]]";
                };
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                synchronized (seen) {
                    while (!seen.toString().contains(want) && System.nanoTime() < deadline) {
                        seen.wait(100);
                    }
                    assertTrue(seen.toString().contains(want), "item " + i + " is out while input stays open: "
                            + seen.substring(Math.max(0, seen.length() - 500)));
                }
            }
        } finally {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        reading.get(20, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue());
    }

    @Test
    void theLauncherWorksFromAnyDirectoryAndThroughASymlink(@TempDir Path dir) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path link = dir.resolve("strompy-link");
        Files.createSymbolicLink(link, root.resolve("bin/strompy"));
        Child.Result r = sh("cd '" + dir + "' && '" + link + "' < '" + root.resolve("op.json") + "'");
        assertEquals(0, r.exit(), r.err());
        assertEquals("[[1586.0]]\n", r.out());
        assertEquals("", r.err(), "no build output once the jar is current");
    }

    @Test
    void fileOperandsAndTheExitStatusOfTheFirstError(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a.json"), List.of("{\"lhs\":[[1]],\"op\":[{\"code\":\"mul\",\"rhs\":[[1,2]]}]}"));
        Files.write(dir.resolve("b.json"), List.of("{\"lhs\":[[1]],\"op\":[{\"code\":\"mul\",\"rhs\":[[1],[2]]}]}"));
        Child.Result r = sh("cd '" + dir + "' && java -jar \"$JAR\" -k a.json missing.json b.json");
        assertEquals(66, r.exit(), r.err());
        assertEquals("[[1.0,2.0]]\n{\"error\":{\"type\":\"shape\",\"message\":\"shape mismatch: 1x1 · 2x1\",\"source\":\"b.json\","
                + "\"item\":0,\"op\":0,\"code\":\"mul\",\"line\":1,\"column\":20}}\n", r.out());
        assertEquals("strompy: missing.json: No such file or directory\n"
                + "strompy: b.json:1:20: item 0, op 0 (mul): shape mismatch: 1x1 · 2x1\n", r.err());
    }
}

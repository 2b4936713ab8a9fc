package dev.strompy.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strompy.Child;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application submitted with {@code spark-submit} to a Spark standalone cluster of separate
 * JVMs on 127.0.0.1: a master and two workers (one core each), each worker starting an executor
 * JVM of its own. 50,000 items, about one in 40 failing, in splits of 96 KB: the part files are
 * byte for byte what one strompy process writes, undisturbed and again when a worker is killed
 * (with its executor) while the job runs, Spark running its tasks again on the other. Everything
 * started here is stopped at the end, also when a test fails.
 */
class StandaloneClusterIT {
    private static final int ITEMS = 50_000;
    private static final Duration JOB_LIMIT = Duration.ofMinutes(4);
    private static final Path WORK = Path.of("target/spark-cluster").toAbsolutePath();
    private static final List<Process> STARTED = new ArrayList<>();

    private static String master;
    private static int masterUi;
    private static Process[] workers = new Process[2];

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(StandaloneClusterIT::stop));
        if (Files.exists(WORK)) {
            try (Stream<Path> old = Files.walk(WORK)) {
                old.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(WORK);
        int port = SparkProcesses.freePort();
        masterUi = SparkProcesses.freePort();
        master = "spark://127.0.0.1:" + port;
        daemon("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--webui-port", Integer.toString(masterUi));
        for (int i = 0; i < workers.length; i++) {
            workers[i] = daemon("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "1", "--memory", "1g", "--work-dir", WORK.resolve("work-" + i).toString(),
                    "--webui-port", Integer.toString(SparkProcesses.freePort()), master);
        }
        awaitWorkers(2);
    }

    @AfterAll
    static void stop() {
        synchronized (STARTED) {
            for (Process p : STARTED) {
                try {
                    Child.killTree(p);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            STARTED.clear();
        }
    }

    @Test
    void sameOutputAsOneProcessAlsoWhenAWorkerIsKilled() throws IOException, InterruptedException {
        Path input = WORK.resolve("items.ndjson");
        Files.write(input, WorkItems.items(new Random(20261207), ITEMS), StandardCharsets.UTF_8);
        Child.Result one = SparkProcesses.strompy("--on-error=record", input.toString());
        assertEquals(0, one.exit(), one.err());
        long failed = one.out().lines().filter(l -> l.startsWith("{\"error\"")).count();
        assertTrue(failed > ITEMS / 60 && failed < ITEMS / 25, failed + " failed items");

        Job calm = submit(input, "calm", null);
        assertEquals(0, calm.exit(), calm.log());
        assertEquals(one.out(), StrompyJobIT.concatenated(calm.out()));
        assertTrue(calm.log().contains("strompy-spark: " + ITEMS + " items in 1 file, " + failed + " failed"), calm.log());

        Job killed = submit(input, "killed", workers[0]);
        assertEquals(0, killed.exit(), killed.log());
        assertEquals(one.out(), StrompyJobIT.concatenated(killed.out()));
        assertTrue(killed.log().contains("Lost executor") || killed.log().contains("ExecutorLostFailure"),
                "the driver saw the executor go: " + killed.log());
        awaitWorkers(1);

        System.out.printf(Locale.ROOT, "strompy on %d items: one process %.1f s; the job on the cluster %.1f s"
                + " (its own count %s), %.1f s with a worker killed (%s), %d tasks run again%n", ITEMS,
                one.millis() / 1e3, calm.millis() / 1e3, calm.seconds(), killed.millis() / 1e3, killed.seconds(),
                killed.retried());
    }

    /** What a submitted job did: its exit status, its output directory, the driver's log, how long it took. */
    private record Job(int exit, Path out, String log, long millis) {
        String seconds() {
            Matcher m = Pattern.compile("; ([0-9.]+ s)\n").matcher(log);
            return m.find() ? m.group(1) : "?";
        }

        long retried() {
            return log.lines().filter(l -> l.contains("Starting task") && !l.contains(".0 in stage")).count();
        }
    }

    /**
     * Submits the job on {@code input} to the cluster; with {@code victim}, kills that worker and
     * everything it started once the second stage's tasks are under way.
     */
    private static Job submit(Path input, String name, Process victim) throws IOException, InterruptedException {
        Path out = WORK.resolve("out-" + name);
        Path log = WORK.resolve("driver-" + name + ".log");
        ProcessBuilder pb = SparkProcesses.submit(master, "log4j2-cluster.properties",
                List.of("spark.executor.memory=512m", "spark.ui.enabled=false"),
                "--on-error=record", "--split-size=96k", input.toString(), out.toString());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        synchronized (STARTED) {
            STARTED.add(p);
        }
        Child.Watch watch = Child.watch(p, JOB_LIMIT);
        try {
            if (victim != null) {
                // The second stage (stage 1) is under way once one of its tasks has finished.
                while (!Files.readString(log, StandardCharsets.UTF_8).matches("(?s).*Finished task [0-9.]+ in stage 1\\.0.*")) {
                    if (!p.isAlive()) {
                        fail("the job ended before the worker could be killed:\n" + Files.readString(log));
                    }
                    Thread.sleep(20);
                }
                Child.killTree(victim);
            }
            p.waitFor();
        } finally {
            watch.close();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String text = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0 && text.length() > 20_000) {
            text = text.substring(text.length() - 20_000);
        }
        return new Job(p.exitValue(), out, text, millis);
    }

    /** Starts a Spark daemon with its output in a log file of its own. */
    private static Process daemon(String name, String mainClass, String... args) throws IOException {
        ProcessBuilder pb = SparkProcesses.environment(new ProcessBuilder(
                SparkProcesses.java("256m", "log4j2-daemon.properties", mainClass, args)));
        pb.redirectErrorStream(true).redirectOutput(WORK.resolve(name + ".log").toFile());
        Process p = pb.start();
        synchronized (STARTED) {
            STARTED.add(p);
        }
        return p;
    }

    /** Waits until the master counts {@code n} workers alive, as its status page says. */
    private static void awaitWorkers(int n) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
                if (last.replace(" ", "").contains("\"aliveworkers\":" + n + ",")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.list(WORK)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                String text = Files.readString(f);
                logs.append("\n--- ").append(f.getFileName()).append(" ends ---\n")
                        .append(text.substring(Math.max(0, text.length() - 3000)));
            }
        }
        fail("the master does not count " + n + " workers alive after 90 s: " + last + logs);
    }
}

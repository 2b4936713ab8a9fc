package dev.strompy.spark;

import dev.strompy.Child;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Spark as its users run it, in processes of its own: {@code spark-submit} (its main class,
 * {@code SparkSubmit}), a standalone master and workers, all from the Spark home the build lays
 * out in {@code target/spark-home} from the Maven dependencies.
 */
final class SparkProcesses {
    static final Path HOME = Path.of("target/spark-home").toAbsolutePath();
    static final Path JAR = Path.of("target/strompy-spark.jar").toAbsolutePath();
    static final Path STROMPY = Path.of("bin/strompy").toAbsolutePath();

    private SparkProcesses() {
    }

    /** {@return a command that runs {@code mainClass} on Spark's jars with the options Spark's scripts give a JVM} */
    static List<String> java(String heap, String log4j, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        Collections.addAll(cmd, JavaModuleOptions.defaultModuleOptionArray());
        cmd.add("-Dlog4j2.configurationFile=" + Path.of("target/test-classes", log4j).toAbsolutePath());
        cmd.add("-cp");
        cmd.add(HOME.resolve("jars") + "/*");
        cmd.add(mainClass);
        Collections.addAll(cmd, args);
        return cmd;
    }

    /** {@return spark-submit running the application with {@code args} on {@code master}} */
    static ProcessBuilder submit(String master, String log4j, List<String> conf, String... args) {
        List<String> submit = new ArrayList<>(List.of("--master", master, "--class", "dev.strompy.spark.StrompyJob"));
        for (String c : conf) {
            submit.add("--conf");
            submit.add(c);
        }
        submit.add(JAR.toString());
        Collections.addAll(submit, args);
        return environment(new ProcessBuilder(java("1g", log4j, "org.apache.spark.deploy.SparkSubmit",
                submit.toArray(String[]::new))));
    }

    /** Runs the application in local mode on two threads; @return what it did */
    static Child.Result local(String... args) throws IOException, InterruptedException {
        return Child.run(submit("local[2]", "log4j2.properties", List.of(), args), Duration.ofMinutes(3));
    }

    /** {@return what one strompy process does with {@code args}} */
    static Child.Result strompy(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(STROMPY.toString()));
        Collections.addAll(cmd, args);
        return Child.run(new ProcessBuilder(cmd), Duration.ofMinutes(2));
    }

    static ProcessBuilder environment(ProcessBuilder pb) {
        pb.environment().put("SPARK_HOME", HOME.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return pb;
    }

    /** {@return a port nobody listens on now} */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

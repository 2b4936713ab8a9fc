package dev.strompy.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.Child;
import dev.strompy.Outcome;
import dev.strompy.Strompy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Real Spark jobs (local[2]) over an NDJSON file with bad items, split into several partitions,
 * the two ways the README shows: {@code rdd.pipe} through {@code bin/strompy --on-error=record},
 * and {@code mapPartitions} through {@link Strompy#partition}. Each must give, item for item,
 * what one {@code bin/strompy} process gives over the whole file.
 */
class SparkJobIT {
    private static final int ITEMS = 6_000;
    private static final int PARTITIONS = 5;
    private static final String STROMPY = Path.of("bin/strompy").toAbsolutePath().toString();

    @TempDir
    static Path dir;
    static Path input;
    static List<String> whole;
    static JavaSparkContext spark;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        input = dir.resolve("items.ndjson");
        Files.write(input, WorkItems.items(new Random(20261202), ITEMS), StandardCharsets.UTF_8);
        Child.Result r = Child.run(new ProcessBuilder(STROMPY, "--on-error=record", "--source", "items.ndjson")
                .redirectInput(input.toFile()), Duration.ofSeconds(120));
        whole = r.out().lines().toList();
        assertEquals(0, r.exit(), "every failure is an item error recorded in place: " + r.err());
        assertEquals(ITEMS, whole.size());
        long failed = whole.stream().filter(l -> l.startsWith("{\"error\"")).count();
        assertTrue(failed > 50 && failed < ITEMS / 10, failed + " failed items");
        for (String type : List.of("op", "shape", "numeric", "schema")) {
            assertTrue(whole.stream().anyMatch(l -> l.startsWith("{\"error\":{\"type\":\"" + type + "\"")), type);
        }
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("strompy")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** Each partition piped through its own strompy process: same lines, positions per partition. */
    @Test
    void pipeGivesWhatOneProcessGives() {
        JavaRDD<String> lines = spark.textFile(input.toString(), PARTITIONS);
        assertTrue(lines.getNumPartitions() >= 4, lines.getNumPartitions() + " partitions");
        List<Integer> sizes = lines.mapPartitions(part -> {
            int n = 0;
            for (; part.hasNext(); part.next()) {
                n++;
            }
            return List.of(n).iterator();
        }).collect();
        List<String> piped = lines.pipe(List.of(STROMPY, "--on-error=record", "--source", "items.ndjson")).collect();

        assertEquals(ITEMS, piped.size());
        int start = 0;
        int partition = 0;
        int shifted = 0;
        for (int i = 0; i < ITEMS; i++) {
            while (i >= start + sizes.get(partition)) {
                start += sizes.get(partition++);
            }
            String expected = whole.get(i);
            if (expected.startsWith("{\"error\"")) {
                // Each process numbers its items and lines from the start of its partition.
                expected = expected.replace("\"item\":" + i + ",", "\"item\":" + (i - start) + ",")
                        .replace("\"line\":" + (i + 1) + ",", "\"line\":" + (i - start + 1) + ",");
                shifted += start > 0 ? 1 : 0;
            }
            assertEquals(expected, piped.get(i), "item " + i);
        }
        assertTrue(shifted > 0, "error records past the first partition");
    }

    /** The partition API with global item numbers: same results, same errors, same item numbers. */
    @Test
    void mapPartitionsGivesWhatOneProcessGives() {
        JavaRDD<String> lines = spark.textFile(input.toString(), PARTITIONS);
        List<String> evaluated = lines.zipWithIndex().mapPartitionsWithIndex(SparkJobIT::evaluate, true).collect();

        assertEquals(ITEMS, evaluated.size());
        for (int i = 0; i < ITEMS; i++) {
            assertEquals(summary(whole.get(i)), evaluated.get(i), "item " + i);
        }
    }

    /**
     * What the README's recipe does with a partition of (line, index) pairs: evaluate its lines
     * with global item numbers, lazily, one output line per item.
     */
    private static Iterator<String> evaluate(int index, Iterator<Tuple2<String, Long>> part) {
        if (!part.hasNext()) {
            return Collections.emptyIterator();
        }
        Tuple2<String, Long> first = part.next();
        Iterator<String> lines = Stream.concat(Stream.of(first._1()), stream(part).map(Tuple2::_1)).iterator();
        return stream(Strompy.partition(lines, "items.ndjson#" + index, first._2())).map(SparkJobIT::summary).iterator();
    }

    private static <T> Stream<T> stream(Iterator<T> it) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
    }

    /** An outcome as the test compares it: the result's numbers, or the error's type, message and item. */
    private static String summary(Outcome o) {
        if (!o.failed()) {
            return Arrays.deepToString(o.result());
        }
        return String.join("|", o.error().type().id(), o.error().detail(), Long.toString(o.item()),
                Long.toString(o.error().op()), String.valueOf(o.error().code()));
    }

    /** The same summary of a line that strompy wrote: a result's rows, or an error record's fields. */
    private static String summary(String line) {
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), line)) {
            p.nextToken();
            if (p.currentToken() == JsonToken.START_ARRAY) {
                List<double[]> rows = new ArrayList<>();
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    List<Double> row = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        row.add(p.getDoubleValue());
                    }
                    rows.add(row.stream().mapToDouble(Double::doubleValue).toArray());
                }
                return Arrays.deepToString(rows.toArray(new double[0][]));
            }
            String type = null;
            String message = null;
            String item = null;
            String op = "-1";
            String code = "null";
            p.nextToken();
            p.nextToken();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "type" -> type = p.getString();
                    case "message" -> message = p.getString();
                    case "item" -> item = p.getString();
                    case "op" -> op = p.getString();
                    case "code" -> code = p.getString();
                    default -> { }
                }
            }
            return String.join("|", type, message, item, op, code);
        }
    }
}

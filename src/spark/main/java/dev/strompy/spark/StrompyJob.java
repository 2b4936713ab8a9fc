package dev.strompy.spark;

import dev.strompy.Limits;
import dev.strompy.Strompy;
import dev.strompy.cli.ExitCodes;
import dev.strompy.cli.OnError;
import dev.strompy.error.ErrorType;
import dev.strompy.write.Format;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.CollectionAccumulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import scala.Tuple2;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * strompy as a Spark application: {@code spark-submit --class dev.strompy.spark.StrompyJob
 * strompy-spark.jar [OPTIONS] IN... OUT}. The part files in OUT, concatenated in order, are byte
 * for byte what {@code strompy [OPTIONS] IN...} writes on one machine; the exit status is the one
 * it would have. Two stages: the first finds where each split's items begin and counts its lines
 * and items (framing only); the second evaluates each split with the numbers of the whole file.
 */
@Command(name = "strompy-spark", sortOptions = false, customSynopsis = "strompy-spark [OPTIONS] IN... OUT",
        description = {"Evaluates the work items of each IN (a file, or a directory of files, on any Hadoop file system)"
                + " on a Spark cluster and writes the results to the directory OUT, one part file per split; their"
                + " concatenation is what 'strompy [OPTIONS] IN...' writes."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every item evaluated (with --on-error=record: or recorded in the output)",
            "64:usage: bad option or value, OUT exists", "65:an item failed (with --on-error=stop, at the first)",
            "66:an IN is missing or unreadable", "70:the job failed: Spark gave up on a task"})
public final class StrompyJob implements Callable<Integer> {
    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: jsonl, json or table (default: jsonl).")
    private Format format = Format.JSONL;

    @Option(names = {"-H", "--with-filename"}, description = "Tag each result with its source and item index.")
    private boolean withSource;

    @Option(names = "--on-error", paramLabel = "MODE", description = "stop (at the first failed item, the default),"
            + " continue (an error record in its place; exit 65) or record (the same; exit 0 when every failure was"
            + " an item's alone).")
    private OnError onError = OnError.STOP;

    @Option(names = {"-k", "--keep-going"}, description = "Short for --on-error=continue.")
    private boolean keepGoing;

    @Option(names = "--max-elements", paramLabel = "N", description = "Largest number of entries one matrix may have"
            + " (default: ${DEFAULT-VALUE}).")
    private long maxElements = Limits.DEFAULT_MAX_ELEMENTS;

    @Option(names = "--digits", paramLabel = "N", description = "Significant digits in --format table, 1 to 17 (default: 6).")
    private Integer digits;

    @Option(names = "--split-size", paramLabel = "BYTES", description = "Bytes of input per task, with a suffix k, m"
            + " or g (default: 128m). A file that is one JSON array, or compressed, is read by one task.")
    private String splitSize = "128m";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(arity = "2..*", paramLabel = "PATH", description = "Input files or directories (IN), then the output"
            + " directory (OUT), which must not exist.")
    private List<String> paths;

    private final PrintStream err;

    private StrompyJob(PrintStream err) {
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(System.err, args));
    }

    /** {@return the exit status of a job run with {@code args}}: reports go to {@code err} */
    static int run(PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new StrompyJob(err)).setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpWidth(100);
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setOut(new java.io.PrintWriter(System.out, true));
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("strompy-spark: " + e.getMessage());
            err.println("Try 'strompy-spark --help' for more information.");
            return ExitCodes.of(ErrorType.USAGE);
        });
        cl.setExecutionExceptionHandler((e, c, p) -> {
            err.println("strompy-spark: internal error: " + firstLine(e.toString()));
            e.printStackTrace(err);
            return ExitCodes.of(ErrorType.INTERNAL);
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        if (keepGoing && onError == OnError.STOP) {
            onError = OnError.CONTINUE;
        }
        long split;
        try {
            split = bytes(splitSize);
        } catch (IllegalArgumentException e) {
            return usage("--split-size must be a number of bytes, with a suffix k, m or g, got '" + splitSize + "'");
        }
        if (digits != null && format != Format.TABLE) {
            return usage("--digits applies to --format table only");
        }
        if (digits != null && (digits < 1 || digits > 17)) {
            return usage("--digits must be between 1 and 17, got " + digits);
        }
        if (maxElements < 1 || maxElements > Limits.MAX_ELEMENTS) {
            return usage("--max-elements must be between 1 and " + Limits.MAX_ELEMENTS + ", got " + maxElements);
        }
        List<String> inputs = paths.subList(0, paths.size() - 1);
        String out = paths.get(paths.size() - 1);
        long started = System.nanoTime();
        SparkConf conf = new SparkConf().setAppName("strompy " + String.join(" ", inputs));
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            Configuration hadoop = spark.hadoopConfiguration();
            List<Split> splits;
            try {
                Path outPath = new Path(out);
                if (outPath.getFileSystem(hadoop).exists(outPath)) {
                    return usage(out + " exists: choose a new output directory");
                }
                splits = plan(hadoop, inputs, split);
            } catch (FileNotFoundException e) {
                err.println("strompy-spark: " + e.getMessage());
                return ExitCodes.of(ErrorType.NO_INPUT);
            } catch (IOException e) {
                err.println("strompy-spark: " + e);
                return ExitCodes.of(ErrorType.NO_INPUT);
            }
            Settings settings = new Settings(format, onError, withSource, digits == null ? 6 : digits,
                    withSource || splits.stream().map(Split::source).distinct().count() > 1, maxElements);
            try {
                return evaluate(spark, hadoop, splits, settings, out, started);
            } catch (SparkException | UncheckedIOException e) {
                // Spark's message goes on with the last failed task's stack trace, which the
                // driver log holds in full.
                err.println("strompy-spark: the job failed: " + firstLine(String.valueOf(e.getMessage())));
                return ExitCodes.of(ErrorType.INTERNAL);
            }
        }
    }

    private int usage(String message) {
        err.println("strompy-spark: " + message);
        err.println("Try 'strompy-spark --help' for more information.");
        return ExitCodes.of(ErrorType.USAGE);
    }

    /** The two stages, the part files, the summary; @return the exit status */
    private int evaluate(JavaSparkContext spark, Configuration hadoop, List<Split> splits, Settings settings, String out,
            long started) throws SparkException {
        Broadcast<HadoopConf> conf = spark.broadcast(new HadoopConf(hadoop));
        List<List<String>> hosts = splits.stream().map(s -> hosts(s, hadoop)).toList();
        List<Counting.Counted> counted = rdd(spark, splits, hosts)
                .map(s -> Counting.count(s, conf.value().get(), settings.limits())).collect();
        List<Part> parts = number(splits, counted);

        CollectionAccumulator<Stats> accumulator = spark.sc().collectionAccumulator("strompy parts");
        rdd(spark, parts, hosts).mapPartitionsToPair(ps -> {
            Part p = ps.next();
            return new PartOutput(p, settings, conf.value().get(), accumulator::add);
        }).saveAsHadoopFile(out, NullWritable.class, BytesWritable.class, RawOutputFormat.class);

        // A task run twice (a lost executor, speculation) reports twice: one report per part.
        Map<Integer, Stats> byPart = new HashMap<>();
        for (Stats s : accumulator.value()) {
            byPart.put(s.index(), s);
        }
        List<Stats> stats = byPart.values().stream().sorted(Comparator.comparingInt(Stats::index)).toList();
        if (stats.size() != parts.size()) {
            throw new IllegalStateException(stats.size() + " parts reported, not " + parts.size());
        }
        int kept = parts.size();
        if (settings.onError() == OnError.STOP) {
            for (Stats s : stats) {
                if (s.firstFailed() >= 0) {
                    kept = s.index() + 1;
                    break;
                }
            }
            dropAfter(hadoop, out, kept, parts.size());
        }
        return summary(stats.subList(0, kept), splits, out, kept, (System.nanoTime() - started) / 1e9);
    }

    /** With --on-error=stop, the parts after the first failed item are not output: one process stops there. */
    private void dropAfter(Configuration hadoop, String out, int kept, int all) {
        try {
            Path dir = new Path(out);
            FileSystem fs = dir.getFileSystem(hadoop);
            for (int i = kept; i < all; i++) {
                fs.delete(new Path(dir, partName(i)), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name Spark gives the part file of partition {@code i}. */
    static String partName(int i) {
        return String.format(Locale.ROOT, "part-%05d", i);
    }

    /** The driver's report: the first error as the CLI prints it, then what the job did; @return the exit status */
    private int summary(List<Stats> stats, List<Split> splits, String out, int parts, double seconds) {
        long items = 0;
        long[] failed = new long[ErrorType.values().length];
        Stats first = null;
        Stats fatal = null;
        for (Stats s : stats) {
            items += s.items();
            for (int i = 0; i < failed.length; i++) {
                failed[i] += s.failed()[i];
            }
            first = first == null && s.firstError() != null ? s : first;
            fatal = fatal == null && s.firstFatal() != null ? s : fatal;
        }
        boolean record = onError == OnError.RECORD;
        Stats decides = record ? fatal : first;
        if (decides != null) {
            err.println(record ? decides.firstFatal() : decides.firstError());
        }
        long failures = Arrays.stream(failed).sum();
        String byType = failures == 0 ? "" : Arrays.stream(ErrorType.values()).filter(t -> failed[t.ordinal()] > 0)
                .map(t -> t.id() + " " + failed[t.ordinal()]).collect(Collectors.joining(", ", " (", ")"));
        long files = splits.stream().map(Split::path).distinct().count();
        err.printf(Locale.ROOT, "strompy-spark: %d items in %d file%s, %d failed%s%s; %d part file%s in %s; %.1f s%n",
                items, files, files == 1 ? "" : "s", failures, byType,
                onError == OnError.STOP && failures > 0 ? ", stopped at the first" : "", parts, parts == 1 ? "" : "s",
                out, seconds);
        return decides == null ? 0 : ExitCodes.of(record ? decides.fatalType() : decides.firstType());
    }

    /**
     * The splits of every input, in order: each file cut every {@code size} bytes, but for a file
     * that cannot be cut (one array of items, or refused at its start), which one task reads.
     */
    private static List<Split> plan(Configuration hadoop, List<String> inputs, long size) throws IOException {
        List<Split> splits = new ArrayList<>();
        CompressionCodecFactory codecs = new CompressionCodecFactory(hadoop);
        for (String input : inputs) {
            Path path = new Path(input);
            FileSystem fs = path.getFileSystem(hadoop);
            FileStatus status = fs.getFileStatus(path);
            List<FileStatus> files = new ArrayList<>();
            if (status.isDirectory()) {
                for (FileStatus f : fs.listStatus(path)) {
                    String name = f.getPath().getName();
                    if (f.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                        files.add(f);
                    }
                }
                files.sort(Comparator.comparing(f -> f.getPath().getName()));
            } else {
                files.add(status);
            }
            for (FileStatus f : files) {
                String source = f == status ? input : (input.endsWith("/") ? input : input + "/") + f.getPath().getName();
                long length = f.getLen();
                boolean whole = length <= size || codecs.getCodec(f.getPath()) != null || !cuttable(fs, f.getPath());
                String uri = f.getPath().toString();
                long start = 0;
                do {
                    long end = whole ? length : Math.min(length, start + size);
                    splits.add(new Split(splits.size(), source, uri, start, end, length, whole));
                    start = end;
                } while (start < length);
            }
        }
        return splits;
    }

    /** {@return whether the file can be cut into parts ({@link Strompy#cuttable}): not one array, nor refused at its start} */
    private static boolean cuttable(FileSystem fs, Path path) throws IOException {
        byte[] head = new byte[4096];
        int n = 0;
        try (FSDataInputStream in = fs.open(path)) {
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0;) {
                n += r;
            }
        }
        return Strompy.cuttable(head, n);
    }

    /** Each split numbered from the counts of those before it in its file; the output's opening and closing placed. */
    private static List<Part> number(List<Split> splits, List<Counting.Counted> counted) {
        List<Part> parts = new ArrayList<>();
        long item = 0;
        long line = 1;
        boolean anyBefore = false;
        for (int i = 0; i < splits.size(); i++) {
            Split s = splits.get(i);
            Counting.Counted c = counted.get(i);
            if (s.first()) {
                item = 0;
                line = 1;
            }
            parts.add(new Part(s, c.from(), c.to(), item, line, i == 0, anyBefore, i == splits.size() - 1));
            item += c.items();
            line += c.lines();
            anyBefore |= c.items() > 0;
        }
        return parts;
    }

    /** One partition per element, placed on the hosts given for it (those of its split's bytes). */
    private static <T> JavaRDD<T> rdd(JavaSparkContext spark, List<T> elements, List<List<String>> hosts) {
        List<Tuple2<T, Seq<String>>> placed = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            placed.add(new Tuple2<>(elements.get(i), CollectionConverters.asScala(hosts.get(i)).toList()));
        }
        @SuppressWarnings("unchecked")
        ClassTag<T> tag = (ClassTag<T>) ClassTag$.MODULE$.AnyRef();
        return JavaRDD.fromRDD(spark.sc().makeRDD(CollectionConverters.asScala(placed).toList(), tag), tag);
    }

    /** {@return the hosts that store the split's bytes, as the file system says (none for a local one)} */
    private static List<String> hosts(Split s, Configuration hadoop) {
        try {
            Path path = new Path(s.path());
            List<String> hosts = new ArrayList<>();
            for (BlockLocation b : path.getFileSystem(hadoop).getFileBlockLocations(path, s.start(),
                    Math.max(1, s.end() - s.start()))) {
                hosts.addAll(List.of(b.getHosts()));
            }
            return hosts.stream().filter(h -> !h.equals("localhost")).distinct().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** {@return a size such as {@code 65536}, {@code 64k}, {@code 128m} or {@code 1g} in bytes} */
    static long bytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (!t.isEmpty() && "kmg".indexOf(t.charAt(t.length() - 1)) >= 0) {
            unit = 1L << (10 * ("kmg".indexOf(t.charAt(t.length() - 1)) + 1));
            t = t.substring(0, t.length() - 1);
        }
        long n = Long.parseLong(t);
        if (n < 1 || n > Long.MAX_VALUE / unit) {
            throw new IllegalArgumentException(text);
        }
        return n * unit;
    }
}

package dev.strompy.cli;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.Limits;
import dev.strompy.write.Format;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command line: options declared once with picocli's programmatic model (its annotations,
 * read by reflection, were two thirds of the start-up time), and {@link #parse} turning
 * arguments, once, into an {@link Invocation}. Nothing else in strompy touches picocli.
 */
final class Flags {
    /** When to colour. */
    enum Color { AUTO, NEVER, ALWAYS }

    /** The most threads --jobs asks for. */
    static final int MAX_JOBS = 256;

    // Defaults, for the model and for a command line of file names alone.
    private static final Format FORMAT = Format.JSONL;
    private static final OnError ON_ERROR = OnError.STOP;
    private static final String STDIN_NAME = "-";
    private static final int DIGITS = 6;
    private static final Color COLOR = Color.AUTO;

    private Flags() {
    }

    private static OptionSpec.Builder flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).arity("0").defaultValue("false").description(description);
    }

    private static OptionSpec.Builder valued(Class<?> type, String label, String defaultValue, String description,
            String... names) {
        return OptionSpec.builder(names).type(type).paramLabel(label).defaultValue(defaultValue).description(description);
    }

    /** The picocli model, with the exit-code list filled in from {@link ErrorType}. */
    static CommandLine commandLine() {
        CommandSpec spec = CommandSpec.create().name("strompy");
        spec.usageMessage()
                .headerHeading("")
                .header("Evaluate streams of JSON matrix work items with EJML.")
                .synopsisHeading("%nUsage: ")
                .descriptionHeading("%n")
                .description("Reads work items {\"lhs\": MATRIX, \"op\": [{\"code\": NAME, \"rhs\": ...}, ...]} from each "
                        + "FILE (or stdin), as one JSON array or a sequence of objects (NDJSON), applies the ops in "
                        + "order, and writes one result per item to stdout.",
                        "",
                        "Op codes (strompy --list-ops says what each takes and does): " + OpTable.codes() + ".")
                .parameterListHeading("%nArguments:%n")
                .optionListHeading("%nOptions:%n")
                .sortOptions(false)
                .autoWidth(true)
                .footerHeading("%nExamples:%n")
                .footer("  strompy < op.json",
                        "      Evaluate the items in op.json.",
                        "  strompy --format table --digits 4 op.json",
                        "      The same, as aligned tables for reading.",
                        "  producer | strompy | consumer",
                        "      A pipeline: each result is passed on as soon as it is done.",
                        "  find data -name '*.json' -exec strompy -k -H {} +",
                        "      A batch over files: tag results with their file, go on past bad items.")
                .exitCodeListHeading("%nExit status:%n")
                .exitCodeList(exitCodes());
        spec.addPositional(PositionalParamSpec.builder().paramLabel("FILE").arity("0..*")
                .type(List.class).auxiliaryTypes(String.class)
                .description("JSON input files, read in order; - or none reads stdin.").build());
        spec.addOption(valued(Format.class, "FORMAT", name(FORMAT),
                "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", "--format")
                .converters(value -> convert(Format.class, "format", value))
                .completionCandidates(names(Format.values())).build());
        spec.addOption(flag("Tag each result with its source and item index.", "-H", "--with-filename").build());
        spec.addOption(valued(OnError.class, "MODE", name(ON_ERROR), "What a failed item does: ${COMPLETION-CANDIDATES}"
                + " (default: ${DEFAULT-VALUE}). continue writes an error record in its place and goes on, exiting"
                + " with the first error's status; record does the same and exits 0 when every failure was an item"
                + " error recorded in the output.", "--on-error")
                .converters(value -> convert(OnError.class, "--on-error mode", value))
                .completionCandidates(names(OnError.values())).build());
        spec.addOption(flag("Short for --on-error=continue.", "-k", "--keep-going").build());
        spec.addOption(valued(long.class, "N", Long.toString(Limits.DEFAULT_MAX_ELEMENTS),
                "Largest number of entries one matrix may have (default: ${DEFAULT-VALUE}).", "--max-elements").build());
        spec.addOption(valued(String.class, "NAME", STDIN_NAME, "The name stdin goes by in messages and with -H"
                + " (default: ${DEFAULT-VALUE}), e.g. a file and partition when another program feeds strompy.",
                "--source").build());
        spec.addOption(flag("Flush stdout after every result.", "--unbuffered").build());
        spec.addOption(valued(int.class, "N", "0", "Threads that decode a large input, in blocks, results in input"
                + " order (default 0: one per processor; 1: one thread).", "-j", "--jobs").build());
        spec.addOption(valued(int.class, "N", Integer.toString(DIGITS),
                "Significant digits in --format table, 1 to 17 (default: ${DEFAULT-VALUE}).", "--digits").build());
        spec.addOption(valued(Color.class, "WHEN", name(COLOR), "Colour table headers: ${COMPLETION-CANDIDATES} "
                + "(default: ${DEFAULT-VALUE}: when stdout is a terminal and NO_COLOR is not set).", "--color")
                .converters(value -> convert(Color.class, "colour mode", value))
                .completionCandidates(names(Color.values())).build());
        spec.addOption(flag("Never show a progress bar (by default one shows on a terminal for files over 50 MB).",
                "--no-progress").build());
        spec.addOption(flag("List the op codes and exit.", "--list-ops").build());
        spec.addOption(flag("Print stack traces with errors.", "--debug").build());
        spec.addOption(flag("Show this help and exit.", "-h", "--help").usageHelp(true).build());
        spec.addOption(flag("Show the version and exit.", "-V", "--version").versionHelp(true).build());
        return new CommandLine(spec);
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "success");
        Map<Integer, List<ErrorType>> byCode = new LinkedHashMap<>();
        for (ErrorType t : ErrorType.values()) {
            byCode.computeIfAbsent(ExitCodes.of(t), k -> new ArrayList<>()).add(t);
        }
        byCode.forEach((code, types) -> {
            List<String> ids = new ArrayList<>();
            types.forEach(t -> ids.add(t.id()));
            codes.put(String.valueOf(code), types.size() == 1
                    ? types.get(0).id() + ": " + ExitCodes.examples(types.get(0))
                    : "bad input: " + String.join(", ", ids));
        });
        return codes;
    }

    /**
     * Parses the arguments once; file names alone are answered without picocli's model, a third
     * of the start-up ({@code FlagsTest} checks that picocli agrees).
     *
     * @throws StrompyError of type {@link ErrorType#USAGE} for a bad option or value
     */
    static Invocation parse(Terminal terminal, String... args) {
        for (String a : args) {
            if (!a.equals("-") && (a.isEmpty() || a.charAt(0) == '-' || a.charAt(0) == '@')) {
                return parseOptions(terminal, args);
            }
        }
        return new Invocation.Run(options(terminal, List.of(args), FORMAT, false, ON_ERROR, Limits.DEFAULT_MAX_ELEMENTS,
                false, false, DIGITS, COLOR, false, STDIN_NAME, 0));
    }

    /** {@link #parse} through picocli's model, whatever the arguments. */
    static Invocation parseOptions(Terminal terminal, String... args) {
        CommandLine cl = commandLine();
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new StrompyError(ErrorType.USAGE, e.getMessage());
        }
        if (cl.isUsageHelpRequested()) {
            return new Invocation.Print(cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
        if (cl.isVersionHelpRequested()) {
            return new Invocation.Print(versionText());
        }
        CommandSpec spec = cl.getCommandSpec();
        if (value(spec, "--list-ops")) {
            return new Invocation.Print(OpTable.text());
        }
        List<String> files = spec.positionalParameters().get(0).getValue();
        Options options = options(terminal, files == null ? List.of() : files, value(spec, "--format"),
                value(spec, "--with-filename"), onError(spec), value(spec, "--max-elements"), value(spec, "--unbuffered"),
                value(spec, "--debug"), value(spec, "--digits"), value(spec, "--color"), value(spec, "--no-progress"),
                value(spec, "--source"), value(spec, "--jobs"));
        // An option that would change nothing is a mistake worth saying (colour is only ever off outside tables).
        if (options.format() != Format.TABLE && !spec.findOption("--digits").originalStringValues().isEmpty()) {
            throw new StrompyError(ErrorType.USAGE, "--digits applies to --format table only");
        }
        if (!spec.findOption("--source").originalStringValues().isEmpty() && !options.sources().contains("-")) {
            throw new StrompyError(ErrorType.USAGE, "--source names stdin, which is not read: add - among the files");
        }
        return new Invocation.Run(options);
    }

    /** Checks the values given and resolves them, with the terminal, into a run's options. */
    private static Options options(Terminal terminal, List<String> files, Format format, boolean withSource,
            OnError onError, long maxElements, boolean unbuffered, boolean debug, int digits, Color mode,
            boolean noProgress, String stdinName, int jobs) {
        if (maxElements < 1 || maxElements > Limits.MAX_ELEMENTS) {
            throw new StrompyError(ErrorType.USAGE,
                    "--max-elements must be between 1 and " + Limits.MAX_ELEMENTS + ", got " + maxElements);
        }
        if (digits < 1 || digits > 17) {
            throw new StrompyError(ErrorType.USAGE, "--digits must be between 1 and 17, got " + digits);
        }
        if (jobs < 0 || jobs > MAX_JOBS) {
            throw new StrompyError(ErrorType.USAGE, "--jobs must be between 1 and " + MAX_JOBS + ", got " + jobs);
        }
        boolean color = mode == Color.ALWAYS || (mode == Color.AUTO && terminal.stdoutIsTerminal() && !terminal.noColor());
        List<String> sources = files.isEmpty() ? List.of("-") : files;
        boolean progress = !noProgress && terminal.stderrIsTerminal();
        return new Options(sources, format, withSource, onError, maxElements, unbuffered, debug, digits, color, progress,
                terminal, stdinName, jobs == 0 ? Runtime.getRuntime().availableProcessors() : jobs);
    }

    /** --on-error, where -k stands for continue unless record was asked for. */
    private static OnError onError(CommandSpec spec) {
        OnError mode = value(spec, "--on-error");
        boolean keepGoing = value(spec, "--keep-going");
        return keepGoing && mode == OnError.STOP ? OnError.CONTINUE : mode;
    }

    private static <T> T value(CommandSpec spec, String name) {
        return spec.findOption(name).getValue();
    }

    /** True if {@code --debug} is among the arguments, for reporting errors that stop parsing. */
    static boolean debugRequested(String... args) {
        return List.of(args).contains("--debug");
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = Flags.class.getResourceAsStream("strompy.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Only the version text suffers; it says "unknown".
        }
        return p.getProperty("version", "unknown");
    }

    static String versionText() {
        return "strompy " + version() + "\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")\n";
    }

    /** An enum constant as users type it: lower case. */
    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** An enum's constants as users type them: lower case. */
    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> v : values) {
            names.add(name(v));
        }
        return names;
    }

    /** Reads an enum constant from its lower-case name, listing the choices on a typo. */
    private static <E extends Enum<E>> E convert(Class<E> type, String what, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("unknown " + what + " '" + value + "' (expected one of: "
                    + String.join(", ", names(type.getEnumConstants())) + ")");
        }
    }
}

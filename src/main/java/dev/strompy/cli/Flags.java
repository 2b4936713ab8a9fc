package dev.strompy.cli;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.write.Format;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The raw command-line flags, as picocli fills them in. {@link #parse} turns them, once, into an
 * {@link Invocation}; nothing else in strompy touches picocli.
 */
@Command(
        name = "strompy",
        sortOptions = false,
        usageHelpAutoWidth = true,
        headerHeading = "",
        header = "Evaluate streams of JSON matrix work items with EJML.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%n",
        description = {
            "Reads work items {\"lhs\": MATRIX, \"op\": [{\"code\": NAME, \"rhs\": ...}, ...]} from each FILE "
                    + "(or stdin), as one JSON array or a sequence of objects (NDJSON), applies the ops in order, "
                    + "and writes one result per item to stdout.",
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  strompy < op.json",
            "      Evaluate the items in op.json.",
            "  strompy --format table --digits 4 op.json",
            "      The same, as aligned tables for reading.",
            "  producer | strompy | consumer",
            "      A pipeline: each result is passed on as soon as it is done.",
            "  find data -name '*.json' -exec strompy -k -H {} +",
            "      A batch over files: tag results with their file, go on past bad items.",
        },
        exitCodeListHeading = "%nExit status:%n")
final class Flags {
    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "JSON input files, read in order; - or none reads stdin.")
    List<String> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            converter = FormatConverter.class, completionCandidates = FormatNames.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-H", "--with-filename"},
            description = "Tag each result with its source and item index.")
    boolean withFilename;

    @Option(names = {"-k", "--keep-going"},
            description = "On a failed item, write an error record in its place and go on; "
                    + "exit with the first error's status.")
    boolean keepGoing;

    @Option(names = "--max-elements", paramLabel = "N", defaultValue = "10000000",
            description = "Largest number of entries one matrix may have (default: ${DEFAULT-VALUE}).")
    long maxElements;

    @Option(names = "--unbuffered", description = "Flush stdout after every result.")
    boolean unbuffered;

    @Option(names = "--digits", paramLabel = "N", defaultValue = "6",
            description = "Significant digits in --format table, 1 to 17 (default: ${DEFAULT-VALUE}).")
    int digits;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            converter = ColorConverter.class, completionCandidates = ColorNames.class,
            description = "Colour table headers: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: "
                    + "when stdout is a terminal and NO_COLOR is not set).")
    Color color;

    @Option(names = "--no-progress",
            description = "Never show a progress bar (by default one shows on a terminal for files over 50 MB).")
    boolean noProgress;

    @Option(names = "--list-ops", description = "List the op codes and exit.")
    boolean listOps;

    @Option(names = "--debug", description = "Print stack traces with errors.")
    boolean debug;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Show the version and exit.")
    boolean version;

    /** When to colour. */
    enum Color { AUTO, NEVER, ALWAYS }

    /** The largest --max-elements: one matrix must fit in one Java array. */
    static final long MAX_ELEMENTS_CAP = Integer.MAX_VALUE - 8;

    /** The picocli model, with the exit-code list filled in from {@link ErrorType}. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Flags());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "success");
        Map<Integer, List<ErrorType>> byCode = new LinkedHashMap<>();
        for (ErrorType t : ErrorType.values()) {
            byCode.computeIfAbsent(t.exitCode(), k -> new ArrayList<>()).add(t);
        }
        byCode.forEach((code, types) -> {
            List<String> ids = new ArrayList<>();
            types.forEach(t -> ids.add(t.id()));
            codes.put(String.valueOf(code), types.size() == 1
                    ? types.get(0).id() + ": " + types.get(0).examples()
                    : "bad input: " + String.join(", ", ids));
        });
        cl.getCommandSpec().usageMessage().exitCodeList(codes);
        return cl;
    }

    /**
     * Parses the arguments once.
     *
     * @throws StrompyError of type {@link ErrorType#USAGE} for a bad option or value
     */
    static Invocation parse(Terminal terminal, String... args) {
        CommandLine cl = commandLine();
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new StrompyError(ErrorType.USAGE, e.getMessage());
        }
        Flags f = cl.getCommand();
        if (f.help) {
            return new Invocation.Print(cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
        if (f.version) {
            return new Invocation.Print(versionText());
        }
        if (f.listOps) {
            return new Invocation.Print(OpTable.text());
        }
        if (f.maxElements < 1 || f.maxElements > MAX_ELEMENTS_CAP) {
            throw new StrompyError(ErrorType.USAGE,
                    "--max-elements must be between 1 and " + MAX_ELEMENTS_CAP + ", got " + f.maxElements);
        }
        if (f.digits < 1 || f.digits > 17) {
            throw new StrompyError(ErrorType.USAGE, "--digits must be between 1 and 17, got " + f.digits);
        }
        boolean color = f.color == Color.ALWAYS
                || (f.color == Color.AUTO && terminal.stdoutIsTerminal() && !terminal.noColor());
        List<String> sources = f.files.isEmpty() ? List.of("-") : f.files;
        return new Invocation.Run(new Options(sources, f.format, f.withFilename, f.keepGoing,
                f.maxElements, f.unbuffered, f.debug, f.digits, color,
                !f.noProgress && terminal.stderrIsTerminal(), terminal));
    }

    /** True if {@code --debug} is among the arguments, for reporting errors that stop parsing. */
    static boolean debugRequested(String... args) {
        return List.of(args).contains("--debug");
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = Flags.class.getResourceAsStream("/strompy.properties")) {
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

    /** An enum's constants as users type them: lower case. */
    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> v : values) {
            names.add(v.name().toLowerCase(Locale.ROOT));
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

    /** Reads {@code --format} values. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Flags.convert(Format.class, "format", value);
        }
    }

    /** The format names as users type them. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names(Format.values()).iterator();
        }
    }

    /** Reads {@code --color} values. */
    static final class ColorConverter implements CommandLine.ITypeConverter<Color> {
        @Override
        public Color convert(String value) {
            return Flags.convert(Color.class, "colour mode", value);
        }
    }

    /** The colour modes as users type them. */
    static final class ColorNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names(Color.values()).iterator();
        }
    }
}

package dev.strompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.Child;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The completion scripts in {@code completions/} for bash, zsh and fish, made here from the
 * command's option model and checked in: a test fails when they are out of date, and
 * {@code -Dcompletions.update=true} writes them anew. The bash script is tried in a real bash:
 * file names (spaces and all), options, and {@code --opt=value} forms.
 */
class CompletionScriptsTest {
    private static final String HEADER = " completion for strompy, made from its options by CompletionScriptsTest.\n";

    /** Each option: its names, whether it takes a value, the values it offers, its description's first sentence. */
    private record Option(List<String> names, boolean valued, List<String> values, String help) {
        String longName() {
            return names.stream().filter(n -> n.startsWith("--")).findFirst().orElseThrow();
        }

        String shortName() {
            return names.stream().filter(n -> !n.startsWith("--")).findFirst().orElse(null);
        }
    }

    private static List<Option> options() {
        List<Option> out = new ArrayList<>();
        for (OptionSpec o : Flags.commandLine().getCommandSpec().options()) {
            List<String> values = new ArrayList<>();
            if (o.completionCandidates() != null) {
                o.completionCandidates().forEach(values::add);
            }
            String help = String.join(" ", o.description()).replaceAll("\\$\\{[A-Z-]+\\}", "…");
            int stop = help.indexOf(". ");
            help = (stop > 0 ? help.substring(0, stop) : help).replaceAll("\\.$", "").replaceAll(" \\(.*", "");
            out.add(new Option(List.of(o.names()), !o.typeInfo().isBoolean(), values, help));
        }
        return out;
    }

    static String bash() {
        StringBuilder valued = new StringBuilder();
        StringBuilder values = new StringBuilder();
        StringBuilder all = new StringBuilder();
        for (Option o : options()) {
            all.append(all.length() == 0 ? "" : " ").append(String.join(" ", o.names()));
            if (o.valued()) {
                valued.append(valued.length() == 0 ? "" : "|").append(String.join("|", o.names()));
                values.append("            ").append(String.join("|", o.names())).append(") values=\"")
                        .append(String.join(" ", o.values())).append("\" ;;\n");
            }
        }
        return "# bash" + HEADER
                + "# Load it with `source completions/strompy.bash`, e.g. from ~/.bashrc.\n"
                + "_strompy() {\n"
                + "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} opt= prefix= values IFS=$'\\n'\n"
                + "    # bash splits --opt=value at '=': then the option is one or two words back.\n"
                + "    if [ \"$cur\" = \"=\" ]; then\n"
                + "        opt=$prev cur=\n"
                + "    elif [ \"$prev\" = \"=\" ] && [ \"$COMP_CWORD\" -ge 2 ]; then\n"
                + "        opt=${COMP_WORDS[COMP_CWORD-2]}\n"
                + "    elif [[ $cur == --*=* ]]; then\n"
                + "        opt=${cur%%=*} prefix=$opt= cur=${cur#*=}\n"
                + "    else\n"
                + "        case $prev in\n"
                + "            " + valued + ") opt=$prev ;;\n"
                + "        esac\n"
                + "    fi\n"
                + "    if [ -n \"$opt\" ]; then\n"
                + "        case $opt in\n"
                + values
                + "            *) values= ;;\n"
                + "        esac\n"
                + "        COMPREPLY=($(IFS=' '; compgen -P \"$prefix\" -W \"$values\" -- \"$cur\"))\n"
                + "    elif [[ $cur == -* ]]; then\n"
                + "        COMPREPLY=($(IFS=' '; compgen -W \"" + all + "\" -- \"$cur\"))\n"
                + "    else\n"
                + "        compopt -o filenames 2>/dev/null\n"
                + "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
                + "    fi\n"
                + "}\n"
                + "complete -F _strompy strompy\n";
    }

    static String zsh() {
        StringBuilder sb = new StringBuilder("#compdef strompy\n# zsh" + HEADER
                + "# Put it, named _strompy, in a directory on $fpath.\n_arguments -s -S \\\n");
        for (Option o : options()) {
            String help = "[" + o.help().replace("[", "\\[").replace("]", "\\]").replace("'", "'\\''") + "]";
            String arg = !o.valued() ? "" : ":" + o.longName().substring(2) + ":"
                    + (o.values().isEmpty() ? " " : "(" + String.join(" ", o.values()) + ")");
            String exclusive = o.names().contains("--help") || o.names().contains("--version") ? "(- *)" : "";
            if (o.shortName() != null) {
                String group = exclusive.isEmpty() ? "(" + String.join(" ", o.names()) + ")" : exclusive;
                sb.append("    '").append(group).append("'{").append(o.shortName()).append(',').append(o.longName())
                        .append(o.valued() ? "=" : "").append("}'").append(help).append(arg).append("' \\\n");
            } else {
                sb.append("    '").append(exclusive).append(o.longName()).append(o.valued() ? "=" : "").append(help)
                        .append(arg).append("' \\\n");
            }
        }
        return sb.append("    '*:file:_files'\n").toString();
    }

    static String fish() {
        StringBuilder sb = new StringBuilder("# fish" + HEADER + "# Put it in ~/.config/fish/completions/.\n");
        for (Option o : options()) {
            sb.append("complete -c strompy");
            if (o.shortName() != null) {
                sb.append(" -s ").append(o.shortName().substring(1));
            }
            sb.append(" -l ").append(o.longName().substring(2));
            if (o.valued()) {
                sb.append(" -x");
                if (!o.values().isEmpty()) {
                    sb.append(" -a '").append(String.join(" ", o.values())).append('\'');
                }
            }
            sb.append(" -d '").append(o.help().replace("\\", "\\\\").replace("'", "\\'")).append("'\n");
        }
        return sb.toString();
    }

    @Test
    void checkedInScriptsAreMadeFromTheOptions() throws IOException {
        String[][] scripts = {{"strompy.bash", bash()}, {"_strompy", zsh()}, {"strompy.fish", fish()}};
        for (String[] s : scripts) {
            Path file = Path.of("completions", s[0]);
            if (Boolean.getBoolean("completions.update")) {
                Files.writeString(file, s[1], StandardCharsets.UTF_8);
            }
            assertEquals(s[1], Files.readString(file, StandardCharsets.UTF_8),
                    file + " is out of date: mvn test -Dtest=CompletionScriptsTest -Dcompletions.update=true");
        }
    }

    /** What bash offers for the words typed so far, the last being completed, in {@code dir}. */
    private static List<String> complete(Path dir, String... words) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append('\'');
        }
        String script = "source '" + Path.of("completions/strompy.bash").toAbsolutePath() + "'; cd '" + dir + "'; COMP_WORDS=(strompy"
                + array + "); COMP_CWORD=" + words.length + "; _strompy; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Child.Result r = Child.run(new ProcessBuilder("bash", "--norc", "--noprofile", "-c", script).redirectErrorStream(true),
                Duration.ofSeconds(20));
        String out = r.out();
        assertEquals(0, r.exit(), out);
        return out.lines().filter(l -> !l.isEmpty()).sorted().toList();
    }

    @Test
    @Timeout(60)
    void bashCompletesFileNamesOptionsAndValues(@TempDir Path dir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is here");
        Files.writeString(dir.resolve("op.json"), "[]");
        Files.writeString(dir.resolve("my items.ndjson"), "");
        assertEquals(List.of("op.json"), complete(dir, "op.js"));
        assertEquals(List.of("my items.ndjson"), complete(dir, "my"));
        assertEquals(List.of("--on-error"), complete(dir, "--on-e"));
        assertEquals(List.of("record"), complete(dir, "--on-error", "=", "r"));
        assertEquals(List.of("continue", "record", "stop"), complete(dir, "--on-error", "="));
        assertEquals(List.of("--format=table"), complete(dir, "--format=t"));
        assertEquals(List.of("json", "jsonl", "table"), complete(dir, "--format", ""));
        assertEquals(List.of("op.json"), complete(dir, "-k", "op"));
    }
}

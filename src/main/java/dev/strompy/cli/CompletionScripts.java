package dev.strompy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/**
 * Shell completion scripts, generated from the picocli model so that they list exactly the
 * options strompy has. The checked-in copies under {@code completions/} are regenerated with
 * {@code java -cp target/strompy.jar dev.strompy.cli.CompletionScripts completions}; a test
 * fails when they are out of date.
 */
public final class CompletionScripts {
    private CompletionScripts() {
    }

    /** The bash script (also loadable by zsh through bashcompinit). */
    public static String bash() {
        return AutoComplete.bash("strompy", Flags.commandLine());
    }

    /** The zsh script: picocli's bash completion under zsh's bashcompinit. */
    public static String zsh() {
        return "#compdef strompy\n"
                + "# zsh completion for strompy: put this file, named _strompy, in a directory on $fpath.\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + bash();
    }

    /** Writes {@code strompy.bash} and {@code _strompy} into the directory given. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "completions");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("strompy.bash"), bash(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("_strompy"), zsh(), StandardCharsets.UTF_8);
    }
}

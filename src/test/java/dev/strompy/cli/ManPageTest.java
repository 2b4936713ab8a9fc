package dev.strompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.error.ErrorType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

/** docs/strompy.1 documents exactly the options the command has, and every exit status. */
class ManPageTest {
    private static String page() throws IOException {
        return Files.readString(Path.of("docs/strompy.1"), StandardCharsets.UTF_8);
    }

    @Test
    void itsOptionsAreTheCommandsOptions() throws IOException {
        String page = page();
        String options = page.substring(page.indexOf(".SH OPTIONS"), page.indexOf(".SH INPUT"));
        TreeSet<String> documented = new TreeSet<>();
        // An option's entry: a line after .TP that names it, dashes escaped as troff writes them.
        Matcher m = Pattern.compile("\\.TP\\n\\.B[IR]? (.*)").matcher(options);
        while (m.find()) {
            Matcher name = Pattern.compile("(?:\\\\-){1,2}[a-zA-Z](?:[a-zA-Z]|\\\\-)*").matcher(m.group(1));
            while (name.find()) {
                documented.add(name.group().replace("\\-", "-"));
            }
        }
        TreeSet<String> declared = new TreeSet<>();
        for (OptionSpec o : Flags.commandLine().getCommandSpec().options()) {
            declared.addAll(java.util.List.of(o.names()));
        }
        assertEquals(declared, documented);
    }

    @Test
    void itListsEveryExitStatus() throws IOException {
        String status = page().substring(page().indexOf(".SH EXIT STATUS"), page().indexOf(".SH SIGNALS"));
        for (ErrorType t : ErrorType.values()) {
            assertTrue(status.contains(".B " + ExitCodes.of(t) + "\n"), t + " exits " + ExitCodes.of(t));
        }
    }
}

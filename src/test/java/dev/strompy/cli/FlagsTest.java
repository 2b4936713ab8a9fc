package dev.strompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.write.Format;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlagsTest {
    private static final Terminal TTY = new Terminal(true, false, false, true, false, 100);
    private static final Terminal TTY_NO_COLOR = new Terminal(true, false, false, true, true, 100);

    private static Options options(Terminal t, String... args) {
        return ((Invocation.Run) Flags.parse(t, args)).options();
    }

    @Test
    void defaults() {
        Options o = options(Terminal.NONE);
        assertEquals(List.of("-"), o.sources());
        assertEquals(Format.JSONL, o.format());
        assertEquals(10_000_000L, o.maxElements());
        assertEquals(6, o.digits());
        assertFalse(o.keepGoing() || o.withSource() || o.unbuffered() || o.debug() || o.color() || o.progress());
    }

    /** File names alone skip picocli's model, and must come out as picocli would make them. */
    @Test
    void fileNamesAloneResolveAsPicocliResolvesThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        String[][] lines = {{}, {"-"}, {"op.json"}, {"a.json", "-", "b c.json", "a=b", "ä.json", "x-y", "-"},
            {"data/part-00001"}, {"file@host", "..", "."}};
        for (Terminal t : List.of(Terminal.NONE, TTY, TTY_NO_COLOR)) {
            for (String[] args : lines) {
                assertEquals(((Invocation.Run) Flags.parseOptions(t, args)).options(), options(t, args), String.join(" ", args));
            }
        }
        // Anything else is picocli's: an option, an @-file.
        assertEquals(Format.TABLE, options(Terminal.NONE, "a.json", "--format=table").format());
        assertEquals(List.of("a.json", "b.json"), options(Terminal.NONE, "a.json", "-H", "b.json").sources());
        java.nio.file.Path args = java.nio.file.Files.writeString(dir.resolve("args"), "--format=table\nx.json\n");
        Options expanded = options(Terminal.NONE, "@" + args);
        assertEquals(Format.TABLE, expanded.format());
        assertEquals(List.of("x.json"), expanded.sources());
    }

    @Test
    void colourFollowsTheTerminalNoColorAndTheFlag() {
        assertTrue(options(TTY).color());
        assertFalse(options(Terminal.NONE).color(), "not on a pipe");
        assertFalse(options(TTY_NO_COLOR).color(), "NO_COLOR is honoured");
        assertTrue(options(TTY_NO_COLOR, "--color=always").color(), "an explicit flag wins over NO_COLOR");
        assertTrue(options(Terminal.NONE, "--color", "always").color());
        assertFalse(options(TTY, "--color=never").color());
        assertTrue(options(TTY, "--color=AUTO").color(), "values are case-insensitive");
    }

    @Test
    void progressOnlyWhenStderrIsATerminalAndNotTurnedOff() {
        assertTrue(options(TTY).progress());
        assertFalse(options(TTY, "--no-progress").progress());
        assertFalse(options(new Terminal(true, false, false, false, false, 80)).progress());
    }

    @Test
    void optionValuesAreChecked() {
        assertEquals(Format.TABLE, options(Terminal.NONE, "--format=TABLE").format());
        for (String[] bad : new String[][] {{"--digits=18"}, {"--max-elements=-1"}, {"--format=csv"}, {"--digits=x"}}) {
            StrompyError e = assertThrows(StrompyError.class, () -> Flags.parse(Terminal.NONE, bad));
            assertEquals(ErrorType.USAGE, e.type(), bad[0]);
        }
    }

    @Test
    void operandsKeepTheirOrderAndDashIsStdin() {
        assertEquals(List.of("b.json", "-", "a.json"), options(Terminal.NONE, "b.json", "-", "a.json").sources());
    }
}

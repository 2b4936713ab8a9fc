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

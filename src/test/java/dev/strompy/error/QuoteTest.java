package dev.strompy.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuoteTest {
    @Test
    void controlCharactersLoneSurrogatesAndBidiControlsAreEscaped() {
        assertEquals("\"a\\nb\\u001b[31mc\\td\\\"e\\\\\"", Quote.of("a\nb\u001b[31mc\td\"e\\"));
        assertEquals("\"\\ud800x\"", Quote.of("\ud800x"));
        assertEquals("\"x\\udc00\"", Quote.of("x\udc00"));
        assertEquals("\"\\u202egnp.exe\"", Quote.of("\u202egnp.exe"));
        assertEquals("\"\\u0085\\u007f\"", Quote.of("\u0085\u007f"));
        assertEquals("\"matrizen-\u00e4 \uD83D\uDE00\"", Quote.of("matrizen-\u00e4 \uD83D\uDE00"), "printable text and pairs stay");
    }

    @Test
    void longStringsAreCutAfterFortyCharacters() {
        assertEquals("\"" + "a".repeat(40) + "...\"", Quote.of("a".repeat(41)));
        assertEquals("\"" + "a".repeat(40) + "\"", Quote.of("a".repeat(40)));
        assertEquals("\"" + "\uD83D\uDE00".repeat(40) + "...\"", Quote.of("\uD83D\uDE00".repeat(41)), "characters, not chars");
    }
}

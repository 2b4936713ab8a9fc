package dev.strompy.error;

import java.util.Locale;

/**
 * How a message shows a string from the input: quoted, at most {@link #MAX} characters of it,
 * with control characters, lone surrogates and bidirectional controls escaped JSON-style, so that
 * nothing in it can act on a terminal or forge a line.
 */
public final class Quote {
    /** The most characters of an input string that a message shows. */
    public static final int MAX = 40;

    private Quote() {
    }

    /** {@code "text"}, escaped, with {@code ...} after the first {@link #MAX} characters. */
    public static String of(String s) {
        return '"' + escape(s, MAX) + '"';
    }

    /**
     * The text escaped as in {@link #of}, without quotes, with {@code ...} after the first
     * {@code limit} characters: for messages of other libraries, which quote input as it came.
     */
    public static String escape(String s, int limit) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), limit) + 8);
        int i = 0;
        for (int shown = 0; i < s.length() && shown < limit; i++, shown++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || bidi(c)) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (i < s.length()) {
            sb.append("...");
        }
        return sb.toString();
    }

    /** Characters that reorder what a terminal shows: embeddings, overrides, isolates, line and paragraph separators. */
    private static boolean bidi(char c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029
                || c == 0x200E || c == 0x200F || c == 0x061C;
    }
}

package dev.strompy.read;

import dev.strompy.error.ErrorType;
import dev.strompy.error.Quote;
import dev.strompy.error.StrompyError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;

/** Jackson's failures and tokens in strompy's words: the one place their texts are shaped. */
final class JacksonErrors {
    private JacksonErrors() {
    }

    /** A parser failure as a syntax error, without a place yet. */
    static StrompyError syntax(JacksonException e) {
        String message = e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            // Without the length read so far, which is where reading stopped, not the length.
            message = "input exceeds a parser limit: " + message.replaceAll(", from `[^`]*`\\)", ")")
                    .replaceFirst(" length \\([0-9]+\\) exceeds", " length exceeds");
        }
        return new StrompyError(ErrorType.SYNTAX, tidy(message), e);
    }

    /** Jackson's messages without what names its internals ("[Source: REDACTED ...]", hints at its features). */
    static String tidy(String message) {
        String m = message == null ? "malformed JSON" : message;
        int source = m.indexOf("[Source:");
        if (source >= 0) {
            int open = m.lastIndexOf(" (", source);
            m = m.substring(0, open >= 0 ? open : source);
        }
        int hint = m.indexOf(": enable `");
        if (hint >= 0) {
            m = m.substring(0, hint);
        }
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        // Jackson quotes the input it could not parse as it came: escape it like our own quotes.
        return Quote.escape(m, 300);
    }

    /** How a token is named in messages: "a string", "an object". */
    static String describe(JsonToken t) {
        if (t == null) {
            return "end of input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}

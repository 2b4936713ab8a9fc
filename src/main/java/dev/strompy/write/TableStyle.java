package dev.strompy.write;

/**
 * How tables look.
 *
 * @param digits significant digits per entry, 1 to 17
 * @param color ANSI colour in headers and error lines
 * @param alwaysNameSource put the source in every header, not only when there are several
 */
public record TableStyle(int digits, boolean color, boolean alwaysNameSource) {
    public TableStyle {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits must be between 1 and 17");
        }
    }
}

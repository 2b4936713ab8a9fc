package dev.strompy.write;

/** How tables look: significant {@code digits} (1 to 17), ANSI {@code color}, the source in every header or not. */
public record TableStyle(int digits, boolean color, boolean alwaysNameSource) {
    public TableStyle {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits must be between 1 and 17");
        }
    }
}

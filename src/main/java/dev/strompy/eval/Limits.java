package dev.strompy.eval;

/**
 * Bounds checked while reading and evaluating.
 *
 * @param maxElements the largest number of entries one matrix may have, read or computed
 */
public record Limits(long maxElements) {
    /** The default bound on one matrix: 10,000,000 entries (80 MB of doubles). */
    public static final long DEFAULT_MAX_ELEMENTS = 10_000_000L;

    /** The defaults. */
    public static final Limits DEFAULT = new Limits(DEFAULT_MAX_ELEMENTS);

    public Limits {
        if (maxElements < 1) {
            throw new IllegalArgumentException("maxElements must be at least 1");
        }
    }
}

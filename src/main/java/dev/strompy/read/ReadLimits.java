package dev.strompy.read;

/**
 * Bounds checked while reading.
 *
 * @param maxElements the largest number of entries one matrix may have
 */
public record ReadLimits(long maxElements) {
    public ReadLimits {
        if (maxElements < 1) {
            throw new IllegalArgumentException("maxElements must be at least 1");
        }
    }
}

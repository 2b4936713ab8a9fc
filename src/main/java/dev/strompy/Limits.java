package dev.strompy;

/**
 * The bounds strompy keeps to, so that hostile input costs bounded memory and time:
 * {@link #DEFAULT}, or a copy with one changed, {@code Limits.DEFAULT.withMaxElements(1_000_000)}.
 *
 * @param maxElements the most entries one matrix may have, read or computed (default
 *     10,000,000, 80 MB of doubles); a larger one is a {@code limit} error
 * @param maxStringLength the longest string, in characters (default 65,536): valid input holds
 *     only short ones (keys, op codes), so a longer one is a {@code syntax} error, found while
 *     it is read
 * @param maxNumberLength the longest number literal, in characters (default 1,000)
 * @param maxNestingDepth how deep arrays and objects may nest in an item (default 500)
 * @param maxFrameBytes an item longer than this many bytes (default 4 MB) is read as it streams
 *     in, each op applied as soon as it has been read, instead of being held whole first: memory
 *     stays bounded by the largest matrix, not by the length of an item or of its chain
 */
public record Limits(long maxElements, int maxStringLength, int maxNumberLength, int maxNestingDepth, int maxFrameBytes) {
    /** The default bound on one matrix: 10,000,000 entries. */
    public static final long DEFAULT_MAX_ELEMENTS = 10_000_000L;
    /** The largest {@code maxElements}: the most entries a Java array holds. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** The defaults. */
    public static final Limits DEFAULT = new Limits(DEFAULT_MAX_ELEMENTS, 1 << 16, 1000, 500, 4 << 20);

    /**
     * @param maxElements the most entries one matrix may have
     * @param maxStringLength the longest string, in characters
     * @param maxNumberLength the longest number literal, in characters
     * @param maxNestingDepth how deep arrays and objects may nest
     * @param maxFrameBytes the longest item held whole, in bytes
     * @throws IllegalArgumentException when a bound is below 1, or {@code maxElements} above {@link #MAX_ELEMENTS}
     */
    public Limits {
        if (maxElements < 1 || maxElements > MAX_ELEMENTS) {
            throw new IllegalArgumentException("maxElements must be between 1 and " + MAX_ELEMENTS + ", got " + maxElements);
        }
        atLeast("maxStringLength", maxStringLength, 1);
        atLeast("maxNumberLength", maxNumberLength, 1);
        atLeast("maxNestingDepth", maxNestingDepth, 1);
        atLeast("maxFrameBytes", maxFrameBytes, 1);
    }

    /** {@return {@code value}, checked to be at least {@code min}} */
    static long atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    /**
     * @param n the new bound
     * @return these limits with another {@code maxElements}
     */
    public Limits withMaxElements(long n) {
        return new Limits(n, maxStringLength, maxNumberLength, maxNestingDepth, maxFrameBytes);
    }

    /**
     * @param n the new bound
     * @return these limits with another {@code maxStringLength}
     */
    public Limits withMaxStringLength(int n) {
        return new Limits(maxElements, n, maxNumberLength, maxNestingDepth, maxFrameBytes);
    }

    /**
     * @param n the new bound
     * @return these limits with another {@code maxNumberLength}
     */
    public Limits withMaxNumberLength(int n) {
        return new Limits(maxElements, maxStringLength, n, maxNestingDepth, maxFrameBytes);
    }

    /**
     * @param n the new bound
     * @return these limits with another {@code maxNestingDepth}
     */
    public Limits withMaxNestingDepth(int n) {
        return new Limits(maxElements, maxStringLength, maxNumberLength, n, maxFrameBytes);
    }

    /**
     * @param n the new bound
     * @return these limits with another {@code maxFrameBytes}
     */
    public Limits withMaxFrameBytes(int n) {
        return new Limits(maxElements, maxStringLength, maxNumberLength, maxNestingDepth, n);
    }
}

package dev.strompy.read;

/** The common number literal, read exactly without the general algorithm. */
final class Decimals {
    /** Exact powers of ten: every one up to 10^22 is a double. */
    static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    private Decimals() {
    }

    /**
     * {@return the literal of at most 15 significant digits, with an optional fraction and no
     * exponent, as the exact mantissa over an exact power of ten: one correctly rounded division
     * (Clinger's fast path), the double any correct parser gives; NaN for anything else}
     */
    static double exactDecimal(char[] text, int offset, int length) {
        int i = offset;
        int end = offset + length;
        boolean negative = i < end && text[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < end; i++) {
            char c = text[i];
            if (c >= '0' && c <= '9') {
                if (digits > 0 || c != '0') {
                    digits++;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits > 15 || fraction > 22) {
            return Double.NaN;
        }
        double v = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : (double) mantissa;
        return negative ? -v : v;
    }
}

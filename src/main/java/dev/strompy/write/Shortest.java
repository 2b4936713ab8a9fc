package dev.strompy.write;

import java.math.BigInteger;

/**
 * The shortest decimal that reads back as the same double (the format of {@code Double.toString}
 * from Java 19 on), as ASCII bytes straight into a buffer. The digits come from R. Giulietti's
 * Schubfach method: the interval that rounds to the double is scaled by a 126-bit power of ten,
 * and the shortest (then closest) decimal in it read off in a few 64-bit multiplications.
 */
final class Shortest {
    /** The most bytes one number takes: {@code -2.2250738585072014E-308}. */
    static final int MAX_LENGTH = 24;

    private static final int P = 53;
    private static final int Q_MIN = -1074;
    private static final long C_MIN = 1L << (P - 1);
    private static final long C_TINY = 3;
    private static final int K_MIN = -324;
    private static final int K_MAX = 292;
    /** Digits of the significand as {@link #chars} lays it out. */
    private static final int H = 17;
    private static final long MASK_63 = (1L << 63) - 1;
    private static final int MASK_28 = (1 << 28) - 1;
    private static final long[] POW10 = new long[H + 1];
    /**
     * 10^-k as g1·2^63 + g0 (g in [2^125, 2^126)), made when first needed. Its fields are final,
     * so a thread that sees an entry another thread made sees all of it.
     */
    private static final Power[] POWERS = new Power[K_MAX - K_MIN + 1];

    private record Power(long g1, long g0) {
    }

    static {
        POW10[0] = 1;
        for (int i = 1; i <= H; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private Shortest() {
    }

    /**
     * Writes a finite double at {@code buf[at]} ({@link #MAX_LENGTH} bytes must be free).
     *
     * @return the index just past it
     */
    static int write(double v, byte[] buf, int at) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & (C_MIN - 1);
        int bq = (int) (bits >>> (P - 1)) & 0x7FF;
        if (bits < 0) {
            buf[at++] = '-';
        }
        if (bq != 0) {
            int mq = -Q_MIN + 1 - bq;
            long c = C_MIN | t;
            if (0 < mq && mq < P) {
                long f = c >> mq;
                if (f << mq == c) {
                    return chars(f, 0, buf, at);
                }
            }
            return decimal(-mq, c, 0, buf, at);
        }
        if (t != 0) {
            return t < C_TINY ? decimal(Q_MIN, 10 * t, -1, buf, at) : decimal(Q_MIN, t, 0, buf, at);
        }
        buf[at] = '0';
        buf[at + 1] = '.';
        buf[at + 2] = '0';
        return at + 3;
    }

    /** The shortest decimal for c·2^q, and its digits. */
    private static int decimal(int q, long c, int dk, byte[] buf, int at) {
        int out = (int) c & 1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = flog10pow2(q);
        } else {
            // At a power of two the interval below is half as wide.
            cbl = cb - 1;
            k = flog10threeQuartersPow2(q);
        }
        int h = q + flog2pow10(-k) + 2;
        Power power = POWERS[k - K_MIN];
        if (power == null) {
            power = power(k);
        }
        long g1 = power.g1();
        long g0 = power.g0();
        long vb = rop(g1, g0, cb << h);
        long vbl = rop(g1, g0, cbl << h);
        long vbr = rop(g1, g0, cbr << h);
        long s = vb >> 2;
        if (s >= 100) {
            // One digit fewer, if one of those two is in the interval and the other is not.
            long sp10 = 10 * Math.multiplyHigh(s, 115_292_150_460_684_698L << 4);
            long tp10 = sp10 + 10;
            boolean upin = vbl + out <= sp10 << 2;
            boolean wpin = (tp10 << 2) + out <= vbr;
            if (upin != wpin) {
                return chars(upin ? sp10 : tp10, k, buf, at);
            }
        }
        long u = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (u << 2) + out <= vbr;
        if (uin != win) {
            return chars(uin ? s : u, k + dk, buf, at);
        }
        long cmp = vb - ((s + u) << 1);
        return chars(cmp < 0 || (cmp == 0 && (s & 1) == 0) ? s : u, k + dk, buf, at);
    }

    /** The 126-bit g · cp, rounded to odd, shifted down by 127. */
    private static long rop(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | ((z & MASK_63) + MASK_63) >>> 63;
    }

    /** floor(log10(2^e)) */
    private static int flog10pow2(int e) {
        return (int) (e * 661_971_961_083L >> 41);
    }

    /** floor(log10(3/4 · 2^e)) */
    private static int flog10threeQuartersPow2(int e) {
        return (int) ((e * 661_971_961_083L + -274_743_187_321L) >> 41);
    }

    /** floor(log2(10^e)) */
    private static int flog2pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    /** g for 10^-k: the integer part of 10^-k scaled into [2^125, 2^126), plus 1. */
    private static Power power(int k) {
        BigInteger g;
        if (k <= 0) {
            BigInteger n = BigInteger.TEN.pow(-k);
            int r = n.bitLength() - 126;
            g = r >= 0 ? n.shiftRight(r) : n.shiftLeft(-r);
        } else {
            BigInteger d = BigInteger.TEN.pow(k);
            int s = 125 + d.bitLength();
            g = BigInteger.ONE.shiftLeft(s).divide(d);
            while (g.bitLength() > 126) {
                s--;
                g = BigInteger.ONE.shiftLeft(s).divide(d);
            }
        }
        g = g.add(BigInteger.ONE);
        Power power = new Power(g.shiftRight(63).longValue(), g.longValue() & MASK_63);
        POWERS[k - K_MIN] = power;
        return power;
    }

    /**
     * Writes f·10^e with f's digits trimmed of trailing zeros: plain from 10^-3 up to 10^7, with
     * at least one digit after the point, otherwise as {@code d.dddE±n}.
     */
    private static int chars(long f, int e, byte[] buf, int at) {
        int len = flog10pow2(Long.SIZE - Long.numberOfLeadingZeros(f));
        if (f >= POW10[len]) {
            len++;
        }
        // The value is 0.d1 d2 ... d17 · 10^e from here on: d1 alone, then two groups of eight.
        f *= POW10[H - len];
        e += len;
        long hm = Math.multiplyHigh(f, 193_428_131_138_340_668L) >>> 20;
        int l = (int) (f - 100_000_000L * hm);
        int h = (int) (hm * 1_441_151_881L >>> 57);
        int m = (int) (hm - 100_000_000 * h);
        if (0 < e && e <= 7) {
            // The digits one place on, then the first e of them back one place and the point.
            int n = digits(h, m, l, buf, at + 1);
            for (int i = 0; i < e; i++) {
                buf[at + i] = buf[at + i + 1];
            }
            buf[at + e] = '.';
            if (n <= e) {
                // What was past the n digits is zeros: the integer part is complete.
                buf[at + e + 1] = '0';
                return at + e + 2;
            }
            return at + n + 1;
        }
        if (-3 < e && e <= 0) {
            buf[at++] = '0';
            buf[at++] = '.';
            for (int i = e; i < 0; i++) {
                buf[at++] = '0';
            }
            return at + digits(h, m, l, buf, at);
        }
        int n = digits(h, m, l, buf, at + 1);
        buf[at] = buf[at + 1];
        buf[at + 1] = '.';
        if (n == 1) {
            buf[at + 2] = '0';
            at += 3;
        } else {
            at += n + 1;
        }
        buf[at++] = 'E';
        int x = e - 1;
        if (x < 0) {
            buf[at++] = '-';
            x = -x;
        }
        if (x >= 100) {
            buf[at++] = (byte) ('0' + x / 100);
            x %= 100;
            buf[at++] = (byte) ('0' + x / 10);
        } else if (x >= 10) {
            buf[at++] = (byte) ('0' + x / 10);
        }
        buf[at++] = (byte) ('0' + x % 10);
        return at;
    }

    /**
     * Writes the 17 digits h, m (eight), l (eight) at {@code buf[at]}, h not zero.
     *
     * @return how many there are without the trailing zeros
     */
    private static int digits(int h, int m, int l, byte[] buf, int at) {
        buf[at] = (byte) ('0' + h);
        eight(m, buf, at + 1);
        eight(l, buf, at + 9);
        int end = at + H;
        while (buf[end - 1] == '0') {
            end--;
        }
        return end - at;
    }

    /**
     * The eight digits of {@code a < 10^8}, leading zeros included, left to right: a is scaled to
     * a 28-bit binary fraction of 10^8 once, and each digit is the integer part of ten times what
     * is left (R. Giulietti's method for {@code Double.toString}), with no division.
     */
    private static void eight(int a, byte[] buf, int at) {
        int y = (int) (Math.multiplyHigh((long) (a + 1) << 28, 193_428_131_138_340_668L) >>> 20) - 1;
        for (int i = 0; i < 8; i++) {
            int t = 10 * y;
            buf[at + i] = (byte) ('0' + (t >>> 28));
            y = t & MASK_28;
        }
    }
}

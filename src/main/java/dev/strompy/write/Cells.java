package dev.strompy.write;

import dev.strompy.eval.Matrix;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The text of table entries, rounded to significant digits: in fixed notation, or in exponent
 * notation for the whole matrix when magnitudes are far apart (numpy's rule: any |x| ≥ 1e8, a
 * nonzero |x| < 1e-4, or a ratio over 1000).
 */
final class Cells {
    private final MathContext context;
    private final boolean scientific;
    /** In exponent form, every mantissa gets this many fraction digits, so exponents line up. */
    private final int mantissaDigits;

    Cells(Matrix m, int digits) {
        this.context = new MathContext(digits, RoundingMode.HALF_EVEN);
        double max = 0;
        double minNonZero = Double.POSITIVE_INFINITY;
        for (double v : m.data()) {
            double a = Math.abs(v);
            max = Math.max(max, a);
            if (a > 0) {
                minNonZero = Math.min(minNonZero, a);
            }
        }
        this.scientific = max >= 1e8 || (max > 0 && (minNonZero < 1e-4 || max / minNonZero > 1e3));
        int mantissa = 0;
        if (scientific) {
            for (double v : m.data()) {
                mantissa = Math.max(mantissa, Math.max(0, rounded(v).stripTrailingZeros().precision() - 1));
            }
        }
        this.mantissaDigits = mantissa;
    }

    private BigDecimal rounded(double v) {
        // The exact binary value, as numpy rounds it: 0.95 is 0.94999... and rounds to 0.9.
        return new BigDecimal(v).round(context);
    }

    /** The text of one entry. */
    String text(double v) {
        if (scientific) {
            return scientific(v);
        }
        BigDecimal b = rounded(v).stripTrailingZeros();
        String s = b.scale() <= 0 ? b.setScale(0).toPlainString() + "." : b.toPlainString();
        return (v == 0 && 1 / v < 0) ? "-" + s : s;
    }

    private String scientific(double v) {
        if (v == 0) {
            String zero = "0." + "0".repeat(mantissaDigits) + "e+00";
            return 1 / v < 0 ? "-" + zero : zero;
        }
        BigDecimal b = rounded(v);
        int exponent = b.precision() - b.scale() - 1;
        BigDecimal mantissa = b.movePointLeft(exponent).setScale(mantissaDigits, RoundingMode.HALF_EVEN);
        String e = Integer.toString(Math.abs(exponent));
        return mantissa.toPlainString() + (mantissaDigits == 0 ? "." : "") + "e" + (exponent < 0 ? "-" : "+")
                + (e.length() < 2 ? "0" + e : e);
    }

    /** Where the decimal point is in a cell's text. */
    static int point(String text) {
        int p = text.indexOf('.');
        return p < 0 ? text.length() : p;
    }
}

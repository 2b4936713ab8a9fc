package dev.strompy.eval;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/** Functions of a square matrix: integer powers and the exponential. */
final class MatrixFunctions {
    /** Padé 13 coefficients (Higham 2005, "The scaling and squaring method ... revisited"). */
    private static final double[] PADE13 = {
        64764752532480000.0, 32382376266240000.0, 7771770303897600.0, 1187353796428800.0,
        129060195264000.0, 10559470521600.0, 670442572800.0, 33522128640.0, 1323241920.0,
        40840800.0, 960960.0, 16380.0, 182.0, 1.0,
    };
    /** The largest 1-norm for which Padé 13 is accurate to double precision without scaling. */
    private static final double THETA13 = 5.371920351148152;

    private MatrixFunctions() {
    }

    /** Aᵏ by repeated squaring; A⁰ is the identity. */
    static DMatrixRMaj pow(Workspace ws, DMatrixRMaj a, Operand rhs) {
        Shapes.requireSquare(a);
        long k = (long) Shapes.number(rhs);
        int n = a.numRows;
        DMatrixRMaj result = ws.allocate(n, n);
        CommonOps_DDRM.setIdentity(result);
        DMatrixRMaj base = a.copy();
        DMatrixRMaj scratch = new DMatrixRMaj(n, n);
        while (k > 0) {
            if ((k & 1) == 1) {
                CommonOps_DDRM.mult(result, base, scratch);
                result.setTo(scratch);
                if (!finite(result)) {
                    // Further products cannot bring it back: the evaluator reports it.
                    return result;
                }
            }
            k >>= 1;
            if (k > 0) {
                CommonOps_DDRM.mult(base, base, scratch);
                base.setTo(scratch);
                if (!finite(base)) {
                    CommonOps_DDRM.mult(result, base, scratch);
                    result.setTo(scratch);
                    return result;
                }
            }
        }
        return result;
    }

    /** The matrix exponential: scaling and squaring with a [13/13] Padé approximant, as scipy's expm. */
    static DMatrixRMaj exp(Workspace ws, DMatrixRMaj a, Operand rhs) {
        Shapes.requireSquare(a);
        int n = a.numRows;
        DMatrixRMaj out = ws.allocate(n, n);
        double norm1 = NormOps_DDRM.normP1(a);
        if (!Double.isFinite(norm1)) {
            // Finite entries whose column sums overflow: so does the exponential (scipy gives inf).
            throw new StrompyError(ErrorType.NUMERIC, "non-finite result (the matrix exponential overflows)");
        }
        // At most about 1,030 halvings: norm1 is below 2^1024.
        int s = norm1 > THETA13 ? (int) Math.ceil(Math.log(norm1 / THETA13) / Math.log(2)) : 0;
        DMatrixRMaj x = a.copy();
        if (s > 0) {
            CommonOps_DDRM.scale(Math.scalb(1.0, -s), x);
        }
        DMatrixRMaj ident = CommonOps_DDRM.identity(n);
        DMatrixRMaj x2 = mult(x, x);
        DMatrixRMaj x4 = mult(x2, x2);
        DMatrixRMaj x6 = mult(x4, x2);
        double[] b = PADE13;
        DMatrixRMaj inner = combine(b[13], x6, b[11], x4, b[9], x2, 0, ident);
        DMatrixRMaj u = mult(x, add(mult(x6, inner), combine(b[7], x6, b[5], x4, b[3], x2, b[1], ident)));
        DMatrixRMaj innerV = combine(b[12], x6, b[10], x4, b[8], x2, 0, ident);
        DMatrixRMaj v = add(mult(x6, innerV), combine(b[6], x6, b[4], x4, b[2], x2, b[0], ident));
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        DMatrixRMaj q = new DMatrixRMaj(n, n);
        CommonOps_DDRM.add(v, u, p);
        CommonOps_DDRM.subtract(v, u, q);
        // out = q⁻¹·p; q is well conditioned after scaling, so a failure means non-finite input.
        if (!CommonOps_DDRM.solve(q, p, out)) {
            throw new StrompyError(ErrorType.NUMERIC, "matrix exponential failed: singular Padé denominator");
        }
        DMatrixRMaj scratch = new DMatrixRMaj(n, n);
        for (int i = 0; i < s && finite(out); i++) {
            CommonOps_DDRM.mult(out, out, scratch);
            out.setTo(scratch);
        }
        return out;
    }

    private static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }

    private static DMatrixRMaj add(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.add(a, b, c);
        return c;
    }

    /** c1·m1 + c2·m2 + c3·m3 + c4·m4. */
    private static DMatrixRMaj combine(double c1, DMatrixRMaj m1, double c2, DMatrixRMaj m2,
            double c3, DMatrixRMaj m3, double c4, DMatrixRMaj m4) {
        DMatrixRMaj out = new DMatrixRMaj(m1.numRows, m1.numCols);
        int len = out.getNumElements();
        for (int i = 0; i < len; i++) {
            out.data[i] = c1 * m1.data[i] + c2 * m2.data[i] + c3 * m3.data[i] + c4 * m4.data[i];
        }
        return out;
    }

    /** Whether every entry is finite; once one is not, squaring never makes it finite again. */
    private static boolean finite(DMatrixRMaj m) {
        double[] d = m.data;
        for (int i = 0, n = m.getNumElements(); i < n; i++) {
            if (!Double.isFinite(d[i])) {
                return false;
            }
        }
        return true;
    }
}

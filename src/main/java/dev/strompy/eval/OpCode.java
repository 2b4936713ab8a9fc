package dev.strompy.eval;

import dev.strompy.error.ErrorType;
import dev.strompy.error.Quote;
import dev.strompy.error.StrompyError;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The op catalogue: every op code strompy knows, named after nalgebra's {@code Matrix} methods;
 * the one table behind code lookup, {@code rhs} checks, the kernels, {@code --list-ops} and the README.
 */
public enum OpCode {
    DOT("dot", RhsKind.MATRIX, "same shape → 1x1",
            "Σ aᵢⱼ·bᵢⱼ: the matrices seen as vectors, not a product"),
    TR_DOT("tr_dot", RhsKind.MATRIX, "r×c, c×r → 1x1", "trace(A·B)"),
    ADD("add", RhsKind.MATRIX, "same shape", "A + B"),
    SUB("sub", RhsKind.MATRIX, "same shape", "A − B"),
    MUL("mul", RhsKind.MATRIX, "r×k · k×c → r×c", "matrix product A·B"),
    TR_MUL("tr_mul", RhsKind.MATRIX, "r×c, r×k → c×k", "Aᵀ·B"),
    COMPONENT_MUL("component_mul", RhsKind.MATRIX, "same shape", "entrywise product"),
    COMPONENT_DIV("component_div", RhsKind.MATRIX, "same shape", "entrywise quotient"),
    KRONECKER("kronecker", RhsKind.MATRIX, "r1×c1, r2×c2 → r1·r2×c1·c2", "Kronecker product"),
    CROSS("cross", RhsKind.MATRIX, "both 3x1 or both 1x3", "cross product"),
    INF("inf", RhsKind.MATRIX, "same shape", "entrywise minimum"),
    SUP("sup", RhsKind.MATRIX, "same shape", "entrywise maximum"),
    METRIC_DISTANCE("metric_distance", RhsKind.MATRIX, "same shape → 1x1", "‖A − B‖ (Frobenius)"),
    SOLVE("solve", RhsKind.MATRIX, "n×n, n×k → n×k", "X with A·X = B (LU; singular: numeric error)"),
    SCALE("scale", RhsKind.NUMBER, "any", "A·s"),
    UNSCALE("unscale", RhsKind.NUMBER, "any", "A / s"),
    ADD_SCALAR("add_scalar", RhsKind.NUMBER, "any", "A + s, entrywise"),
    POW("pow", RhsKind.NON_NEGATIVE_INTEGER, "square", "Aᵏ (k = 0: identity)"),
    LP_NORM("lp_norm", RhsKind.POSITIVE_INTEGER, "any → 1x1", "(Σ|aᵢⱼ|ᵖ)^(1/p), entrywise"),
    TRANSPOSE("transpose", RhsKind.NONE, "r×c → c×r", "Aᵀ"),
    NEG("neg", RhsKind.NONE, "any", "−A"),
    ABS("abs", RhsKind.NONE, "any", "entrywise |aᵢⱼ|"),
    TRY_INVERSE("try_inverse", RhsKind.NONE, "square", "A⁻¹ (LU; singular: numeric error)"),
    DETERMINANT("determinant", RhsKind.NONE, "square → 1x1", "det A (LU)"),
    TRACE("trace", RhsKind.NONE, "square → 1x1", "Σ aᵢᵢ"),
    NORM("norm", RhsKind.NONE, "any → 1x1", "Frobenius norm ‖A‖"),
    NORM_SQUARED("norm_squared", RhsKind.NONE, "any → 1x1", "‖A‖²"),
    NORMALIZE("normalize", RhsKind.NONE, "any", "A / ‖A‖ (zero matrix: numeric error)"),
    SUM("sum", RhsKind.NONE, "any → 1x1", "Σ aᵢⱼ"),
    PRODUCT("product", RhsKind.NONE, "any → 1x1", "Π aᵢⱼ"),
    MEAN("mean", RhsKind.NONE, "any → 1x1", "mean of the entries"),
    VARIANCE("variance", RhsKind.NONE, "any → 1x1", "population variance of the entries"),
    MAX("max", RhsKind.NONE, "any → 1x1", "largest entry"),
    MIN("min", RhsKind.NONE, "any → 1x1", "smallest entry"),
    AMAX("amax", RhsKind.NONE, "any → 1x1", "largest |aᵢⱼ|"),
    AMIN("amin", RhsKind.NONE, "any → 1x1", "smallest |aᵢⱼ|"),
    ROW_SUM("row_sum", RhsKind.NONE, "r×c → 1×c", "sums down each column, as one row"),
    COLUMN_SUM("column_sum", RhsKind.NONE, "r×c → r×1", "sums along each row, as one column"),
    ROW_MEAN("row_mean", RhsKind.NONE, "r×c → 1×c", "means down each column, as one row"),
    COLUMN_MEAN("column_mean", RhsKind.NONE, "r×c → r×1", "means along each row, as one column"),
    DIAGONAL("diagonal", RhsKind.NONE, "n×n → n×1", "the diagonal, as a column"),
    UPPER_TRIANGLE("upper_triangle", RhsKind.NONE, "any", "zeros below the diagonal"),
    LOWER_TRIANGLE("lower_triangle", RhsKind.NONE, "any", "zeros above the diagonal"),
    SYMMETRIC_PART("symmetric_part", RhsKind.NONE, "square", "(A + Aᵀ) / 2"),
    RANK("rank", RhsKind.OPTIONAL_NUMBER, "any → 1x1",
            "number of singular values > tolerance (rhs: absolute; default σmax·max(r,c)·ε)"),
    PSEUDO_INVERSE("pseudo_inverse", RhsKind.OPTIONAL_NUMBER, "r×c → c×r",
            "Moore–Penrose inverse by SVD; singular values ≤ tolerance dropped (as rank)"),
    SINGULAR_VALUES("singular_values", RhsKind.NONE, "r×c → min(r,c)×1", "singular values, descending"),
    SYMMETRIC_EIGENVALUES("symmetric_eigenvalues", RhsKind.NONE, "n×n → n×1",
            "eigenvalues of the symmetric matrix read from the lower triangle, ascending"),
    CHOLESKY("cholesky", RhsKind.NONE, "square", "L with L·Lᵀ = A, reading the lower triangle "
            + "(not positive definite: numeric error)"),
    EXP("exp", RhsKind.NONE, "square", "matrix exponential (scaling and squaring, Padé 13)");

    /** The longest op code accepted: longer strings are refused without looking for a suggestion. */
    public static final int MAX_CODE_LENGTH = 64;

    private static final Map<String, OpCode> BY_CODE = new HashMap<>();
    /** What numpy, scipy, EJML and others call an op: the suggestion for those names. */
    private static final Map<String, String> OTHER_NAMES = Map.ofEntries(Map.entry("inverse", "try_inverse"),
            Map.entry("inv", "try_inverse"), Map.entry("invert", "try_inverse"), Map.entry("det", "determinant"),
            Map.entry("matmul", "mul"), Map.entry("mult", "mul"), Map.entry("multiply", "component_mul"),
            Map.entry("elementmult", "component_mul"), Map.entry("divide", "component_div"),
            Map.entry("elementdiv", "component_div"), Map.entry("t", "transpose"), Map.entry("pinv", "pseudo_inverse"),
            Map.entry("matrix_rank", "rank"), Map.entry("svd", "singular_values"), Map.entry("svdvals", "singular_values"),
            Map.entry("eigvalsh", "symmetric_eigenvalues"), Map.entry("eigvals", "symmetric_eigenvalues"),
            Map.entry("expm", "exp"), Map.entry("kron", "kronecker"), Map.entry("minimum", "inf"), Map.entry("maximum", "sup"),
            Map.entry("negative", "neg"), Map.entry("absolute", "abs"), Map.entry("triu", "upper_triangle"),
            Map.entry("tril", "lower_triangle"), Map.entry("diag", "diagonal"), Map.entry("var", "variance"),
            Map.entry("prod", "product"), Map.entry("matrix_power", "pow"), Map.entry("chol", "cholesky"),
            Map.entry("subtract", "sub"), Map.entry("elementsum", "sum"));

    static {
        for (OpCode op : values()) {
            BY_CODE.put(op.code, op);
        }
    }

    private final String code;
    private final RhsKind rhs;
    private final String shapeRule;
    private final String meaning;

    OpCode(String code, RhsKind rhs, String shapeRule, String meaning) {
        this.code = code;
        this.rhs = rhs;
        this.shapeRule = shapeRule;
        this.meaning = meaning;
    }

    /** The code as written in input, e.g. {@code "mul"}. */
    public String code() {
        return code;
    }

    /** What the op takes as {@code rhs}. */
    public RhsKind rhs() {
        return rhs;
    }

    /** The shape rule, e.g. {@code r×k · k×c → r×c}. */
    public String shapeRule() {
        return shapeRule;
    }

    /** One line saying what the op computes. */
    public String meaning() {
        return meaning;
    }

    /** Applies the op, shapes checked first, {@code a} unchanged (a switch: a method reference per op was linked at start). */
    DMatrixRMaj apply(Workspace ws, DMatrixRMaj a, Operand rhs) {
        return switch (this) {
            case DOT -> Products.dot(ws, a, rhs);
            case TR_DOT -> Products.trDot(ws, a, rhs);
            case ADD -> Elementwise.add(ws, a, rhs);
            case SUB -> Elementwise.sub(ws, a, rhs);
            case MUL -> Products.mul(ws, a, rhs);
            case TR_MUL -> Products.trMul(ws, a, rhs);
            case COMPONENT_MUL -> Elementwise.componentMul(ws, a, rhs);
            case COMPONENT_DIV -> Elementwise.componentDiv(ws, a, rhs);
            case KRONECKER -> Products.kronecker(ws, a, rhs);
            case CROSS -> Products.cross(ws, a, rhs);
            case INF -> Elementwise.inf(ws, a, rhs);
            case SUP -> Elementwise.sup(ws, a, rhs);
            case METRIC_DISTANCE -> Products.metricDistance(ws, a, rhs);
            case SOLVE -> Decompositions.solve(ws, a, rhs);
            case SCALE -> Elementwise.scale(ws, a, rhs);
            case UNSCALE -> Elementwise.unscale(ws, a, rhs);
            case ADD_SCALAR -> Elementwise.addScalar(ws, a, rhs);
            case POW -> MatrixFunctions.pow(ws, a, rhs);
            case LP_NORM -> Reductions.lpNorm(ws, a, rhs);
            case TRANSPOSE -> Elementwise.transpose(ws, a, rhs);
            case NEG -> Elementwise.neg(ws, a, rhs);
            case ABS -> Elementwise.abs(ws, a, rhs);
            case TRY_INVERSE -> Decompositions.tryInverse(ws, a, rhs);
            case DETERMINANT -> Decompositions.determinant(ws, a, rhs);
            case TRACE -> Reductions.trace(ws, a, rhs);
            case NORM -> Reductions.norm(ws, a, rhs);
            case NORM_SQUARED -> Reductions.normSquared(ws, a, rhs);
            case NORMALIZE -> Reductions.normalize(ws, a, rhs);
            case SUM -> Reductions.sum(ws, a, rhs);
            case PRODUCT -> Reductions.product(ws, a, rhs);
            case MEAN -> Reductions.mean(ws, a, rhs);
            case VARIANCE -> Reductions.variance(ws, a, rhs);
            case MAX -> Reductions.max(ws, a, rhs);
            case MIN -> Reductions.min(ws, a, rhs);
            case AMAX -> Reductions.amax(ws, a, rhs);
            case AMIN -> Reductions.amin(ws, a, rhs);
            case ROW_SUM -> Reductions.rowSum(ws, a, rhs);
            case COLUMN_SUM -> Reductions.columnSum(ws, a, rhs);
            case ROW_MEAN -> Reductions.rowMean(ws, a, rhs);
            case COLUMN_MEAN -> Reductions.columnMean(ws, a, rhs);
            case DIAGONAL -> Reductions.diagonal(ws, a, rhs);
            case UPPER_TRIANGLE -> Elementwise.upperTriangle(ws, a, rhs);
            case LOWER_TRIANGLE -> Elementwise.lowerTriangle(ws, a, rhs);
            case SYMMETRIC_PART -> Elementwise.symmetricPart(ws, a, rhs);
            case RANK -> Decompositions.rank(ws, a, rhs);
            case PSEUDO_INVERSE -> Decompositions.pseudoInverse(ws, a, rhs);
            case SINGULAR_VALUES -> Decompositions.singularValuesOp(ws, a, rhs);
            case SYMMETRIC_EIGENVALUES -> Decompositions.symmetricEigenvalues(ws, a, rhs);
            case CHOLESKY -> Decompositions.cholesky(ws, a, rhs);
            case EXP -> MatrixFunctions.exp(ws, a, rhs);
        };
    }

    /**
     * The op with this code (case-sensitive).
     *
     * @throws StrompyError of type {@link ErrorType#OP}, suggesting the nearest known code
     */
    public static OpCode lookup(String code) {
        OpCode op = BY_CODE.get(code);
        if (op == null) {
            if (code.length() > MAX_CODE_LENGTH) {
                throw new StrompyError(ErrorType.OP, "op code too long: " + code.length()
                        + " characters, codes have at most " + MAX_CODE_LENGTH + " (" + Quote.of(code) + ")");
            }
            String near = OTHER_NAMES.getOrDefault(code.toLowerCase(Locale.ROOT), Suggestions.nearest(code, BY_CODE.keySet()));
            String hint = near == null ? "; see strompy --list-ops" : "; did you mean \"" + near + "\"?";
            throw new StrompyError(ErrorType.OP, "unknown op " + Quote.of(code) + hint);
        }
        return op;
    }
}

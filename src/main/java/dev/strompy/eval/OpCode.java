package dev.strompy.eval;

import dev.strompy.error.ErrorType;
import dev.strompy.error.Quote;
import dev.strompy.error.StrompyError;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The op catalogue: every op code strompy knows, named after nalgebra's {@code Matrix} methods;
 * the one table behind code lookup, {@code rhs} checks, the kernels, {@code --list-ops} and the README.
 */
public enum OpCode {
    DOT("dot", RhsKind.MATRIX, "same shape → 1x1",
            "Σ aᵢⱼ·bᵢⱼ: the matrices seen as vectors, not a product", Products::dot),
    TR_DOT("tr_dot", RhsKind.MATRIX, "r×c, c×r → 1x1", "trace(A·B)", Products::trDot),
    ADD("add", RhsKind.MATRIX, "same shape", "A + B", Elementwise::add),
    SUB("sub", RhsKind.MATRIX, "same shape", "A − B", Elementwise::sub),
    MUL("mul", RhsKind.MATRIX, "r×k · k×c → r×c", "matrix product A·B", Products::mul),
    TR_MUL("tr_mul", RhsKind.MATRIX, "r×c, r×k → c×k", "Aᵀ·B", Products::trMul),
    COMPONENT_MUL("component_mul", RhsKind.MATRIX, "same shape", "entrywise product", Elementwise::componentMul),
    COMPONENT_DIV("component_div", RhsKind.MATRIX, "same shape", "entrywise quotient", Elementwise::componentDiv),
    KRONECKER("kronecker", RhsKind.MATRIX, "r1×c1, r2×c2 → r1·r2×c1·c2", "Kronecker product", Products::kronecker),
    CROSS("cross", RhsKind.MATRIX, "both 3x1 or both 1x3", "cross product", Products::cross),
    INF("inf", RhsKind.MATRIX, "same shape", "entrywise minimum", Elementwise::inf),
    SUP("sup", RhsKind.MATRIX, "same shape", "entrywise maximum", Elementwise::sup),
    METRIC_DISTANCE("metric_distance", RhsKind.MATRIX, "same shape → 1x1", "‖A − B‖ (Frobenius)",
            Products::metricDistance),
    SOLVE("solve", RhsKind.MATRIX, "n×n, n×k → n×k", "X with A·X = B (LU; singular: numeric error)",
            Decompositions::solve),
    SCALE("scale", RhsKind.NUMBER, "any", "A·s", Elementwise::scale),
    UNSCALE("unscale", RhsKind.NUMBER, "any", "A / s", Elementwise::unscale),
    ADD_SCALAR("add_scalar", RhsKind.NUMBER, "any", "A + s, entrywise", Elementwise::addScalar),
    POW("pow", RhsKind.NON_NEGATIVE_INTEGER, "square", "Aᵏ (k = 0: identity)", MatrixFunctions::pow),
    LP_NORM("lp_norm", RhsKind.POSITIVE_INTEGER, "any → 1x1", "(Σ|aᵢⱼ|ᵖ)^(1/p), entrywise", Reductions::lpNorm),
    TRANSPOSE("transpose", RhsKind.NONE, "r×c → c×r", "Aᵀ", Elementwise::transpose),
    NEG("neg", RhsKind.NONE, "any", "−A", Elementwise::neg),
    ABS("abs", RhsKind.NONE, "any", "entrywise |aᵢⱼ|", Elementwise::abs),
    TRY_INVERSE("try_inverse", RhsKind.NONE, "square", "A⁻¹ (LU; singular: numeric error)", Decompositions::tryInverse),
    DETERMINANT("determinant", RhsKind.NONE, "square → 1x1", "det A (LU)", Decompositions::determinant),
    TRACE("trace", RhsKind.NONE, "square → 1x1", "Σ aᵢᵢ", Reductions::trace),
    NORM("norm", RhsKind.NONE, "any → 1x1", "Frobenius norm ‖A‖", Reductions::norm),
    NORM_SQUARED("norm_squared", RhsKind.NONE, "any → 1x1", "‖A‖²", Reductions::normSquared),
    NORMALIZE("normalize", RhsKind.NONE, "any", "A / ‖A‖ (zero matrix: numeric error)", Reductions::normalize),
    SUM("sum", RhsKind.NONE, "any → 1x1", "Σ aᵢⱼ", Reductions::sum),
    PRODUCT("product", RhsKind.NONE, "any → 1x1", "Π aᵢⱼ", Reductions::product),
    MEAN("mean", RhsKind.NONE, "any → 1x1", "mean of the entries", Reductions::mean),
    VARIANCE("variance", RhsKind.NONE, "any → 1x1", "population variance of the entries", Reductions::variance),
    MAX("max", RhsKind.NONE, "any → 1x1", "largest entry", Reductions::max),
    MIN("min", RhsKind.NONE, "any → 1x1", "smallest entry", Reductions::min),
    AMAX("amax", RhsKind.NONE, "any → 1x1", "largest |aᵢⱼ|", Reductions::amax),
    AMIN("amin", RhsKind.NONE, "any → 1x1", "smallest |aᵢⱼ|", Reductions::amin),
    ROW_SUM("row_sum", RhsKind.NONE, "r×c → 1×c", "sums down each column, as one row", Reductions::rowSum),
    COLUMN_SUM("column_sum", RhsKind.NONE, "r×c → r×1", "sums along each row, as one column", Reductions::columnSum),
    ROW_MEAN("row_mean", RhsKind.NONE, "r×c → 1×c", "means down each column, as one row", Reductions::rowMean),
    COLUMN_MEAN("column_mean", RhsKind.NONE, "r×c → r×1", "means along each row, as one column",
            Reductions::columnMean),
    DIAGONAL("diagonal", RhsKind.NONE, "n×n → n×1", "the diagonal, as a column", Reductions::diagonal),
    UPPER_TRIANGLE("upper_triangle", RhsKind.NONE, "any", "zeros below the diagonal", Elementwise::upperTriangle),
    LOWER_TRIANGLE("lower_triangle", RhsKind.NONE, "any", "zeros above the diagonal", Elementwise::lowerTriangle),
    SYMMETRIC_PART("symmetric_part", RhsKind.NONE, "square", "(A + Aᵀ) / 2", Elementwise::symmetricPart),
    RANK("rank", RhsKind.OPTIONAL_NUMBER, "any → 1x1",
            "number of singular values > tolerance (rhs: absolute; default σmax·max(r,c)·ε)", Decompositions::rank),
    PSEUDO_INVERSE("pseudo_inverse", RhsKind.OPTIONAL_NUMBER, "r×c → c×r",
            "Moore–Penrose inverse by SVD; singular values ≤ tolerance dropped (as rank)",
            Decompositions::pseudoInverse),
    SINGULAR_VALUES("singular_values", RhsKind.NONE, "r×c → min(r,c)×1", "singular values, descending",
            Decompositions::singularValuesOp),
    SYMMETRIC_EIGENVALUES("symmetric_eigenvalues", RhsKind.NONE, "n×n → n×1",
            "eigenvalues of the symmetric matrix read from the lower triangle, ascending",
            Decompositions::symmetricEigenvalues),
    CHOLESKY("cholesky", RhsKind.NONE, "square", "L with L·Lᵀ = A, reading the lower triangle "
            + "(not positive definite: numeric error)", Decompositions::cholesky),
    EXP("exp", RhsKind.NONE, "square", "matrix exponential (scaling and squaring, Padé 13)", MatrixFunctions::exp);

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
    private final Kernel kernel;

    OpCode(String code, RhsKind rhs, String shapeRule, String meaning, Kernel kernel) {
        this.code = code;
        this.rhs = rhs;
        this.shapeRule = shapeRule;
        this.meaning = meaning;
        this.kernel = kernel;
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

    Kernel kernel() {
        return kernel;
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

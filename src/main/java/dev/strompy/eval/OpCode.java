package dev.strompy.eval;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.util.HashMap;
import java.util.Map;

/**
 * The op catalogue: every op code strompy knows, named after nalgebra's {@code Matrix} methods.
 *
 * <p>This one table feeds the reader (code lookup and {@code rhs} checks), the evaluator (the
 * kernel), {@code --list-ops} and the README's op table.
 */
public enum OpCode {
    DOT("dot", RhsKind.MATRIX, "same shape → 1x1",
            "Σ aᵢⱼ·bᵢⱼ: the matrices seen as vectors, not a product", Products::dot),
    ADD("add", RhsKind.MATRIX, "same shape", "A + B", Elementwise::add),
    SUB("sub", RhsKind.MATRIX, "same shape", "A − B", Elementwise::sub),
    MUL("mul", RhsKind.MATRIX, "r×k · k×c → r×c", "matrix product A·B", Products::mul),
    SCALE("scale", RhsKind.NUMBER, "any", "A·s", Elementwise::scale),
    TRANSPOSE("transpose", RhsKind.NONE, "r×c → c×r", "Aᵀ", Elementwise::transpose);

    private static final Map<String, OpCode> BY_CODE = new HashMap<>();

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
            String near = Suggestions.nearest(code, BY_CODE.keySet());
            String hint = near == null ? "; see strompy --list-ops" : "; did you mean \"" + near + "\"?";
            throw new StrompyError(ErrorType.OP, "unknown op \"" + code + "\"" + hint);
        }
        return op;
    }
}

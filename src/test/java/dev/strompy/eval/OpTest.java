package dev.strompy.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpTest {
    private static String opError(OpCode code, Operand rhs) {
        StrompyError e = assertThrows(StrompyError.class, () -> new Op(code, rhs));
        assertEquals(ErrorType.OP, e.type());
        return e.detail();
    }

    @Test
    void rhsMustMatchWhatTheOpTakes() {
        assertEquals("mul needs an rhs (matrix)", opError(OpCode.MUL, null));
        assertEquals("transpose takes no rhs", opError(OpCode.TRANSPOSE, new Scalar(1)));
        assertEquals("mul needs a matrix as rhs, got a number", opError(OpCode.MUL, new Scalar(2)));
        assertEquals("scale needs a number as rhs, got a matrix", opError(OpCode.SCALE, Matrix.scalar(2)));
    }

    @Test
    void lookupIsCaseSensitiveAndSuggestsTheNearestCode() {
        assertEquals(OpCode.TRANSPOSE, OpCode.lookup("transpose"));
        StrompyError e = assertThrows(StrompyError.class, () -> OpCode.lookup("transpos"));
        assertEquals("unknown op \"transpos\"; did you mean \"transpose\"?", e.detail());
        StrompyError upper = assertThrows(StrompyError.class, () -> OpCode.lookup("MUL"));
        assertEquals("unknown op \"MUL\"; did you mean \"mul\"?", upper.detail());
        StrompyError far = assertThrows(StrompyError.class, () -> OpCode.lookup("frobnicate"));
        assertEquals("unknown op \"frobnicate\"; see strompy --list-ops", far.detail());
    }

    @Test
    void editDistance() {
        assertEquals(0, Suggestions.distance("mul", "mul"));
        assertEquals(1, Suggestions.distance("mul", "mil"));
        assertEquals(3, Suggestions.distance("", "add"));
        assertEquals(2, Suggestions.distance("tarnspose", "transpose"));
        assertEquals("sub", Suggestions.nearest("sbu", List.of("add", "sub", "mul")));
    }

    @Test
    void everyCodeIsUniqueAndLooksUpToItself() {
        for (OpCode op : OpCode.values()) {
            assertEquals(op, OpCode.lookup(op.code()));
        }
    }
}

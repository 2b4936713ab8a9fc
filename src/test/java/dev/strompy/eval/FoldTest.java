package dev.strompy.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldTest {
    /** Parts from a list. */
    private static final class Listed implements Part.Source {
        private final ArrayDeque<Part> parts;

        Listed(Part... parts) {
            this.parts = new ArrayDeque<>(List.of(parts));
        }

        @Override
        public Part next() {
            return parts.poll();
        }
    }

    private static Matrix m(double[]... rows) {
        return Matrices.of(rows);
    }

    @Test
    void foldsLeftAndGivesTheResultAtTheItemsEnd() {
        Listed parts = new Listed(
                new Part.Lhs(m(new double[] {1, 2}, new double[] {3, 4})),
                new Part.Step(0, new Op(OpCode.TRANSPOSE, null), 1, 20),
                new Part.Step(1, new Op(OpCode.MUL, m(new double[] {1}, new double[] {1})), 1, 40),
                Part.END);
        ItemResult r = new Fold(new Evaluator(10_000_000), "a.json").next(parts);
        assertArrayEquals(new double[] {4, 6}, r.result().data());
        assertEquals(ItemResult.UNNUMBERED, r.item(), "numbered as it is handed on");
        assertEquals("a.json", r.source());
        assertNull(new Fold(new Evaluator(10_000_000), "a.json").next(parts), "no parts left");
    }

    @Test
    void anEmptyChainGivesLhsBack() {
        Matrix a = m(new double[] {1, 2});
        ItemResult r = new Fold(new Evaluator(10_000_000), "-").next(new Listed(new Part.Lhs(a), Part.END));
        assertSame(a, r.result());
    }

    @Test
    void aFailingOpIsTaggedWithItsPlaceAndTheRestOfTheItemIsDropped() {
        Listed parts = new Listed(
                new Part.Lhs(m(new double[] {1, 2}, new double[] {3, 4})),
                new Part.Step(0, new Op(OpCode.TRANSPOSE, null), 2, 5),
                new Part.Step(1, new Op(OpCode.DOT, m(new double[] {1, 1})), 3, 9),
                new Part.Step(2, new Op(OpCode.NEG, null), 4, 1),
                Part.END,
                new Part.Lhs(m(new double[] {5})),
                Part.END);
        Fold fold = new Fold(new Evaluator(10_000_000), "in.json");
        ItemResult failed = fold.next(parts);
        StrompyError e = failed.error();
        assertEquals(ErrorType.SHAPE, e.type());
        assertEquals("in.json:3:9: shape mismatch: 2x2 · 1x2", e.describe(), "items are numbered as they are handed on");
        assertEquals("in.json:3:9: item 7, op 1 (dot): shape mismatch: 2x2 · 1x2", failed.numbered(7).error().describe());
        ItemResult next = fold.next(parts);
        assertEquals(8, next.numbered(8).item());
        assertTrue(!next.failed());
    }

    /**
     * One outcome per item: after an op fails, a later failure of the same item is dropped,
     * unless it is a syntax error (an item that is not well-formed JSON fails with that).
     */
    @Test
    void anItemHasOneOutcomeAndASyntaxErrorWins() {
        Part[] item = {
            new Part.Lhs(m(new double[] {1, 2})),
            new Part.Step(0, new Op(OpCode.TRY_INVERSE, null), 1, 20),
            new Part.Step(1, new Op(OpCode.NEG, null), 1, 40),
        };
        StrompyError schema = new StrompyError(ErrorType.SCHEMA, "unknown key \"x\"").atItem(4);
        StrompyError syntax = new StrompyError(ErrorType.SYNTAX, "Unexpected character").atItem(4);
        Listed parts = new Listed(item[0], item[1], item[2], new Part.Failure(schema),
                new Part.Lhs(m(new double[] {5})), Part.END,
                item[0], item[1], item[2], new Part.Failure(syntax),
                new Part.Lhs(m(new double[] {6})), Part.END);
        Fold fold = new Fold(new Evaluator(10_000_000), "-");
        assertEquals(ErrorType.SHAPE, fold.next(parts).error().type(), "the op failed first; the schema failure is dropped");
        assertArrayEquals(new double[] {5}, fold.next(parts).result().data());
        ItemResult both = fold.next(parts);
        assertEquals(ErrorType.SYNTAX, both.error().type(), "the syntax error wins over the op's failure");
        assertEquals("-: item 4: Unexpected character", both.error().describe());
        assertArrayEquals(new double[] {6}, fold.next(parts).result().data());
        assertNull(fold.next(parts));
    }

    @Test
    void aReadingFailureComesOutInTheItemsPlace() {
        StrompyError e = new StrompyError(ErrorType.SCHEMA, "missing key \"op\"");
        ItemResult r = new Fold(new Evaluator(10_000_000), "x").next(new Listed(new Part.Failure(e))).numbered(2);
        assertEquals("x: item 2: missing key \"op\"", r.error().describe());
        assertEquals(2, r.item());
        assertEquals("x", r.error().source());
    }
}

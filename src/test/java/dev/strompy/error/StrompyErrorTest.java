package dev.strompy.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class StrompyErrorTest {
    @Test
    void describesThePlaceGnuStyle() {
        StrompyError e = new StrompyError(ErrorType.SHAPE, "shape mismatch: 4x3 · 2x2")
                .atOp(1, "mul").atItem(3).atPosition(12, 5).atSource("a.json");
        assertEquals("a.json:12:5: item 3, op 1 (mul): shape mismatch: 4x3 · 2x2", e.describe());
    }

    @Test
    void leavesOutWhatIsNotKnown() {
        assertEquals("no/such.json: No such file or directory",
                new StrompyError(ErrorType.NO_INPUT, "No such file or directory").atSource("no/such.json").describe());
        assertEquals("-:1:2: item 0: bad", new StrompyError(ErrorType.SCHEMA, "bad").atItem(0).atPosition(1, 2).atSource("-").describe());
        assertEquals("bad", new StrompyError(ErrorType.USAGE, "bad").describe());
    }

    @Test
    void theInnermostPlaceWins() {
        StrompyError e = new StrompyError(ErrorType.OP, "x").atPosition(3, 4).atOp(2, null).atOp(7, "mul").atPosition(9, 9);
        assertEquals(3, e.line());
        assertEquals(2, e.op());
        assertEquals("mul", e.code());
    }

    @Test
    void anErrorIsNeverChangedByPlacingIt() {
        StrompyError e = new StrompyError(ErrorType.SHAPE, "bad");
        StrompyError placed = e.atSource("a.json").atItem(2).atPosition(3, 4).atOp(1, "mul");
        assertEquals("bad", e.describe(), "the original keeps no place");
        assertEquals("a.json:3:4: item 2, op 1 (mul): bad", placed.describe());
        assertSame(placed, placed.atItem(9).atSource("b.json").atPosition(1, 1).atOp(0, "add"), "a known place stays");
    }

    @Test
    void anErrorFoundInAPartIsPlacedInTheWhole() {
        StrompyError found = new StrompyError(ErrorType.SYNTAX, "item cut short").beganOnLine(2).atPosition(4, 1).atSource("-");
        assertEquals("-:4:1: item cut short (the item began on line 2)", found.describe());
        StrompyError placed = found.linesDown(30).atItem(7);
        assertEquals("-:34:1: item 7: item cut short (the item began on line 32)", placed.describe());
        assertEquals("item cut short (the item began on line 32)", placed.detail());
        assertSame(found, found.linesDown(0));
        StrompyError nowhere = new StrompyError(ErrorType.IO, "read error");
        assertSame(nowhere, nowhere.linesDown(5), "an error with no line has none to move");
    }
}

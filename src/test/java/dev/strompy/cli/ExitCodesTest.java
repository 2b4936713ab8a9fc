package dev.strompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strompy.error.ErrorType;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
    @Test
    void exitCodesFollowTheTable() {
        assertEquals(64, ExitCodes.of(ErrorType.USAGE));
        for (ErrorType t : new ErrorType[] {ErrorType.SYNTAX, ErrorType.SCHEMA, ErrorType.OP, ErrorType.SHAPE,
            ErrorType.NUMERIC, ErrorType.RANGE, ErrorType.LIMIT}) {
            assertEquals(65, ExitCodes.of(t), t.id());
        }
        assertEquals(66, ExitCodes.of(ErrorType.NO_INPUT));
        assertEquals(70, ExitCodes.of(ErrorType.INTERNAL));
        assertEquals(74, ExitCodes.of(ErrorType.IO));
        assertEquals(141, ExitCodes.of(ErrorType.BROKEN_PIPE));
    }
}

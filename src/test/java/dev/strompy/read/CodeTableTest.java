package dev.strompy.read;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.strompy.eval.OpCode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CodeTableTest {
    /** Every code is found inside a line; a near miss finds the code it happens to be, or none. */
    @Test
    void findsExactlyTheCodes() {
        for (OpCode op : OpCode.values()) {
            String code = op.code();
            byte[] line = ("{\"code\":\"" + code + "\"}").getBytes(StandardCharsets.US_ASCII);
            assertSame(op, CodeTable.find(line, 9, 9 + code.length()), code);
            for (String near : new String[] {code + "x", code.substring(1), code.substring(0, code.length() - 1),
                code.toUpperCase(Locale.ROOT), " " + code, ""}) {
                byte[] b = near.getBytes(StandardCharsets.US_ASCII);
                assertSame(named(near), CodeTable.find(b, 0, b.length), near);
            }
        }
        byte[] umlaut = "mül".getBytes(StandardCharsets.UTF_8);
        assertNull(CodeTable.find(umlaut, 0, umlaut.length));
    }

    private static OpCode named(String code) {
        for (OpCode op : OpCode.values()) {
            if (op.code().equals(code)) {
                return op;
            }
        }
        return null;
    }
}

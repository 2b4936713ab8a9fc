package dev.strompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.eval.OpCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OpTableTest {
    @Test
    void readmeTableIsTheCatalogue() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int begin = readme.indexOf("<!-- ops:begin");
        int end = readme.indexOf("<!-- ops:end -->");
        assertTrue(begin >= 0 && end > begin, "README has the ops markers");
        String table = readme.substring(readme.indexOf('\n', begin) + 1, end);
        assertEquals(markdown(), table, "README op table is out of date; replace it with:\n" + markdown());
    }

    /** The catalogue as a Markdown table, as it stands in the README between the op-table markers. */
    static String markdown() {
        StringBuilder sb = new StringBuilder("| code | rhs | shape | meaning |\n|---|---|---|---|\n");
        for (OpCode op : OpCode.values()) {
            sb.append("| `").append(op.code()).append("` | ").append(op.rhs().label()).append(" | ")
                    .append(op.shapeRule()).append(" | ").append(op.meaning()).append(" |\n");
        }
        return sb.toString();
    }

    @Test
    void listOpsHasOneRowPerCodeAfterTheHeader() {
        String[] lines = OpTable.text().split("\n");
        assertEquals(OpCode.values().length + 1, lines.length);
        assertTrue(lines[0].startsWith("code "));
    }
}

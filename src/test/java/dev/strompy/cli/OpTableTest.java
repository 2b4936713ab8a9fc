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
        assertEquals(OpTable.markdown(), table, "README op table is out of date; replace it with:\n" + OpTable.markdown());
    }

    @Test
    void listOpsHasOneRowPerCodeAfterTheHeader() {
        String[] lines = OpTable.text().split("\n");
        assertEquals(OpCode.values().length + 1, lines.length);
        assertTrue(lines[0].startsWith("code "));
    }
}

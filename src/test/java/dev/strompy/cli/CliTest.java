package dev.strompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.eval.OpCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CliTest {
    /** A stdout that accepts {@code capacity} bytes, then fails like the OS would. */
    private static final class FailingStdout extends OutputStream {
        private final String message;
        private int capacity;
        final ByteArrayOutputStream accepted = new ByteArrayOutputStream();

        FailingStdout(int capacity, String message) {
            this.capacity = capacity;
            this.message = message;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > capacity) {
                throw new IOException(message);
            }
            capacity -= len;
            accepted.write(b, off, len);
        }
    }

    private static InputStream items(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"lhs\":[[").append(i).append("]],\"op\":[]}\n");
        }
        return new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fullDiskIsAnIoErrorWithExit74() {
        Run run = Run.of(items(100_000), new FailingStdout(0, "No space left on device"));
        assertEquals(74, run.exit());
        assertEquals("strompy: write error on stdout: No space left on device\n", run.err());
    }

    private static final Terminal PIPE = new Terminal(false, true, false, false, false, 80);

    @Test
    void brokenPipeStopsWithExit141AndPrintsNothing() {
        FailingStdout stdout = new FailingStdout(100, "Broken pipe");
        Run run = Run.of(items(100_000), stdout, PIPE);
        assertEquals(141, run.exit());
        assertEquals("", run.err());
    }

    private static final String ITEM_ERRORS = "{\"lhs\":[[1]],\"op\":[]}\n"
            + "{\"lhs\":[[1,2]],\"op\":[{\"code\":\"mul\",\"rhs\":[[1,2]]}]}\n"
            + "{\"lhs\":[[3]],\"op\":[{\"code\":\"nope\"}]}\n"
            + "{\"lhs\":[[4]],\"op\":[]}\n";

    @Test
    void onErrorRecordExitsZeroWhenEveryFailureIsARecordedItemError() {
        Run record = Run.of(ITEM_ERRORS, "--on-error=record");
        assertEquals(0, record.exit(), record.err());
        Run keepGoing = Run.of(ITEM_ERRORS, "-k");
        assertEquals(65, keepGoing.exit());
        assertEquals(keepGoing.out(), record.out(), "the same output as -k");
        assertEquals(keepGoing.err(), record.err(), "the same messages as -k");
        assertEquals(4, record.out().lines().count());
        assertEquals(keepGoing.out(), Run.of(ITEM_ERRORS, "--on-error", "continue").out());
        assertEquals(65, Run.of(ITEM_ERRORS, "--on-error=continue").exit());
        assertEquals(65, Run.of(ITEM_ERRORS, "--on-error=stop").exit());
        assertEquals(1, Run.of(ITEM_ERRORS, "--on-error=stop").out().lines().count(), "stop: nothing after the error");
        assertEquals(0, Run.of(ITEM_ERRORS, "-k", "--on-error=record").exit(), "-k does not undo record");
    }

    /**
     * After an op fails, the rest of its item is read as JSON, not as lines: an op that starts a
     * line is no new item (it used to be taken for one, and every later item's number was off).
     */
    @Test
    void theRestOfAnItemWhoseOpFailedIsReadAsJsonNotAsLines() {
        String input = "{\"lhs\": [[1, 2]], \"op\": [\n{\"code\": \"try_inverse\"},\n{\"code\": \"transpose\"}\n]}\n"
                + "{\"lhs\": [[3]], \"op\": []}\n";
        Run run = Run.of(input, "-k");
        assertEquals(65, run.exit());
        assertEquals("""
                {"error":{"type":"shape","message":"needs a square matrix, got 1x2","source":"-","item":0,"op":0,\
                "code":"try_inverse","line":2,"column":1}}
                [[3.0]]
                """, run.out());
        assertEquals("strompy: -:2:1: item 0, op 0 (try_inverse): needs a square matrix, got 1x2\n", run.err());
    }

    @Test
    void sourceNamesStdinInRecordsAndMessages() {
        Run run = Run.of(ITEM_ERRORS, "-k", "-H", "--source", "part-00007");
        assertTrue(run.out().startsWith("{\"source\":\"part-00007\",\"item\":0,\"result\":[[1.0]]}\n"), run.out());
        assertTrue(run.err().startsWith("strompy: part-00007:2:22: item 1, op 0 (mul): shape mismatch"), run.err());
    }

    @Test
    void onErrorRecordStillFailsOnSyntaxErrorsMissingFilesAndBadModes() {
        Run syntax = Run.of("[{\"lhs\":[[1]],\"op\":[]}, {\"lhs\": [[1,]]}]", "--on-error=record");
        assertEquals(65, syntax.exit());
        assertEquals("[[1.0]]\n", syntax.out().lines().findFirst().orElseThrow() + "\n");
        Run missing = Run.of(items(1), new java.io.ByteArrayOutputStream(), "--on-error=record", "no/such/file.json", "-");
        assertEquals(66, missing.exit());
        Run bad = Run.of(ITEM_ERRORS, "--on-error=sometimes");
        assertEquals(64, bad.exit());
        assertTrue(bad.err().contains("unknown --on-error mode 'sometimes' (expected one of: stop, continue, record)"),
                bad.err());
    }

    @Test
    void aClosedStdinIsNoInputAndIsSkippedUnderKeepGoing() {
        Terminal closed = new Terminal(false, false, true, false, false, 80);
        Run alone = Run.of(items(3), new java.io.ByteArrayOutputStream(), closed);
        assertEquals(66, alone.exit());
        assertEquals("strompy: -: stdin is closed\n", alone.err());
        Run mixed = Run.of(items(3), new java.io.ByteArrayOutputStream(), closed, "-k", "--format", "json", "-",
                "src/test/resources/golden/files/good.json");
        assertEquals(66, mixed.exit());
        assertEquals("[\n[[21.0]]\n]\n", mixed.out());
    }

    @Test
    void whatAFailedWriteMeansDependsOnTheStreamNotOnTheMessage() {
        // The C library translates messages: a German system says this for EPIPE.
        Run german = Run.of(items(100_000), new FailingStdout(100, "Datenübergabe unterbrochen (broken pipe)"), PIPE);
        assertEquals(141, german.exit());
        assertEquals("", german.err());
        // An English message on a file is no broken pipe: the file is what failed.
        Run file = Run.of(items(100_000), new FailingStdout(100, "Broken pipe"));
        assertEquals(74, file.exit());
        assertEquals("strompy: write error on stdout: Broken pipe\n", file.err());
    }

    @Test
    void helpAndVersionIntoAFullDiskFail() {
        assertEquals(74, Run.of(items(0), new FailingStdout(0, "No space left on device"), "--help").exit());
        assertEquals(74, Run.of(items(0), new FailingStdout(0, "No space left on device"), "--version").exit());
        assertEquals(74, Run.of(items(0), new FailingStdout(0, "No space left on device"), "--list-ops").exit());
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorWithExit70() {
        InputStream exploding = new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("boom");
            }
        };
        Run run = Run.of(exploding, new ByteArrayOutputStream());
        assertEquals(70, run.exit());
        assertTrue(run.err().startsWith("strompy: internal error: java.lang.IllegalStateException: boom"), run.err());
        assertTrue(!run.err().contains("\tat "), run.err());
        Run debug = Run.of(exploding, new ByteArrayOutputStream(), "--debug");
        assertTrue(debug.err().contains("\tat "), "--debug shows the stack trace");
    }

    @Test
    void aReadErrorIsAnIoErrorWithExit74() {
        InputStream failing = new InputStream() {
            private int left = 30;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("Input/output error");
                }
                return ' ';
            }
        };
        Run run = Run.of(failing, new ByteArrayOutputStream());
        assertEquals(74, run.exit());
        assertTrue(run.err().contains("read error: Input/output error"), run.err());
    }

    @Test
    void helpListsEveryOptionDefaultExampleAndExitCode() {
        Run run = Run.of("", "--help");
        assertEquals(0, run.exit());
        for (String s : new String[] {"--format", "--with-filename", "--keep-going", "--max-elements", "--unbuffered",
            "--list-ops", "--debug", "default: 10000000", "default: jsonl", "strompy < op.json", "Exit status:",
            "64", "65", "66", "70", "74", "141"}) {
            assertTrue(run.out().contains(s), "help mentions " + s);
        }
        assertEquals("", run.err());
        String flat = run.out().replaceAll("\\s+", " ");
        for (OpCode op : OpCode.values()) {
            assertTrue(flat.contains(" " + op.code() + ",") || flat.contains(" " + op.code() + "."), "help names " + op.code());
        }
    }

    @Test
    void versionNamesTheJavaRuntime() {
        Run run = Run.of("", "--version");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("strompy "), run.out());
        assertTrue(run.out().contains("Java " + System.getProperty("java.version")), run.out());
    }

    @Test
    void listOpsNamesEveryCode() {
        Run run = Run.of("", "--list-ops");
        assertEquals(0, run.exit());
        for (OpCode op : OpCode.values()) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(op.code() + " ")), op.code());
        }
    }

    @Test
    void resultsAreFlushedBeforeReadingWaitsForMoreInput() {
        // stdin that has one item ready, then would block: by then the result must be on stdout.
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        byte[] first = "{\"lhs\":[[1]],\"op\":[]}\n".getBytes(StandardCharsets.UTF_8);
        InputStream stdin = new InputStream() {
            private int pos;

            @Override
            public int available() {
                return pos < first.length ? first.length - pos : 0;
            }

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos < first.length) {
                    int n = Math.min(len, first.length - pos);
                    System.arraycopy(first, pos, b, off, n);
                    pos += n;
                    return n;
                }
                // The point where a real pipe would block.
                assertEquals("[[1.0]]\n", stdout.toString(StandardCharsets.UTF_8));
                return -1;
            }
        };
        Run run = Run.of(stdin, stdout);
        assertEquals(0, run.exit());
        assertEquals("[[1.0]]\n", stdout.toString(StandardCharsets.UTF_8));
    }
}

package dev.strompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The command gives the same stdout, stderr and exit status for the same bytes, whether they
 * come from a file or through a pipe whose producer pauses between pieces of a few bytes (so
 * that every read would wait, and strompy writes out what it has before each), on one thread or
 * several, under --on-error=record and -k.
 */
class SlowPipeTest {
    private static final String[] LINES = {
        "{\"lhs\":[[1,2]],\"op\":[{\"code\":\"transpose\"}]}", "{\"lhs\":[[1,2]],\"op\":[{\"code\":\"mul\",\"rhs\":[[1,2]]}]}",
        "{\"lhs\":[[1,2]],\"op\":[{\"code\":", "not json", "", "{\"lhs\":[[1e400]],\"op\":[]}", "{\"op\":[],\"lhs\":[[7]]}",
        "{\"lhs\":[[1]],\"op\":[]} {\"lhs\":[[2]],\"op\":[]}", "{\"lhs\":[[5e-", "{\"\":", "}", "{\"lhs\":[[1]],\"op\":[]}\r",
        "{\"lhs\":[[\"\u00e9\"]],\"op\":[]}", "  {\"lhs\": [[3]],", "  \"op\": [{\"code\": \"scale\", \"rhs\": 2}]}",
    };

    /** Reads of at most {@code piece} bytes, with none waiting: each read is a producer's pause. */
    private static InputStream pausing(byte[] bytes, int piece) {
        return new InputStream() {
            private int at;

            @Override
            public int read() {
                return at < bytes.length ? bytes[at++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at == bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, piece), bytes.length - at);
                System.arraycopy(bytes, at, b, off, n);
                at += n;
                return n;
            }

            @Override
            public int available() {
                return 0;
            }
        };
    }

    private static Run run(InputStream stdin, Parallelism parallelism, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, stdin, out, new PrintStream(err, true, StandardCharsets.UTF_8), Terminal.NONE, parallelism);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @RepeatedTest(60)
    void aPausingPipeGivesWhatTheFileGives(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        StringBuilder in = new StringBuilder(random.nextInt(5) == 0 ? "[\n" : "");
        boolean array = in.length() > 0;
        for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
            in.append(LINES[random.nextInt(LINES.length)]).append(array && i + 1 < n ? ",\n" : "\n");
        }
        in.append(array ? "]\n" : "");
        byte[] bytes = in.toString().getBytes(StandardCharsets.UTF_8);
        String mode = random.nextBoolean() ? "--on-error=record" : "-k";
        String jobs = random.nextBoolean() ? "1" : "4";
        Parallelism parallelism = new Parallelism(0, 16 + random.nextInt(200));
        Run file = run(new ByteArrayInputStream(bytes), Parallelism.DEFAULT, mode, "-j", "1");
        int piece = 1 + random.nextInt(20);
        Run pipe = run(pausing(bytes, piece), parallelism, mode, "-j", jobs);
        assertEquals(file, pipe, mode + " -j " + jobs + ", pieces of " + piece + ":\n" + in);
    }

    /** The case that once exited 0 with one record through a pipe and 65 with three from a file. */
    @Test
    void anObjectWhoseValueIsOnTheNextLine() {
        byte[] bytes = "{\"\":\n}".getBytes(StandardCharsets.UTF_8);
        Run file = run(new ByteArrayInputStream(bytes), Parallelism.DEFAULT, "--on-error=record");
        assertEquals(65, file.exit());
        assertEquals(1, file.out().lines().count());
        for (int piece = 1; piece < 6; piece++) {
            assertEquals(file, run(pausing(bytes, piece), Parallelism.DEFAULT, "--on-error=record"));
        }
    }

    /** The case that once ended in an internal error (70). */
    @Test
    void aNumberCutShortAtTheEnd() {
        for (String input : new String[] {"{\"lhs\":[[5e-", "{\"lhs\":[[5e+", "{\"lhs\":[[5E-"}) {
            byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
            Run file = run(new ByteArrayInputStream(bytes), Parallelism.DEFAULT);
            assertEquals(65, file.exit(), file.err());
            assertEquals("strompy: -:1:13: item 0: unexpected end of input\n", file.err());
            assertEquals(file, run(pausing(bytes, 1), Parallelism.DEFAULT));
        }
    }
}

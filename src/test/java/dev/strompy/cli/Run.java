package dev.strompy.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the command, with its stdout, stderr and exit status. */
record Run(int exit, String out, String err) {
    static Run of(byte[] stdin, String... args) {
        return of(new ByteArrayInputStream(stdin), new ByteArrayOutputStream(), args);
    }

    static Run of(String stdin, String... args) {
        return of(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    static Run of(InputStream stdin, OutputStream stdout, String... args) {
        return of(stdin, stdout, Terminal.NONE, args);
    }

    static Run of(InputStream stdin, OutputStream stdout, Terminal terminal, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, stdin, stdout, new PrintStream(err, true, StandardCharsets.UTF_8), terminal);
        String out = stdout instanceof ByteArrayOutputStream b ? b.toString(StandardCharsets.UTF_8) : "";
        return new Run(exit, out, err.toString(StandardCharsets.UTF_8));
    }
}

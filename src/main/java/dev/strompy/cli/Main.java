package dev.strompy.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The entry point, and the one {@code System.exit}.
 *
 * <p>stdin and stdout are the raw descriptors, never {@code System.in}/{@code System.out}: a
 * {@code PrintStream} would swallow a broken pipe or a full disk. stderr is written in UTF-8,
 * whatever the locale.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // stderr in UTF-8 whatever the locale: System.err would write '?' for '·' under LC_ALL=C.
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = Cli.run(args,
                new FileInputStream(FileDescriptor.in),
                new FileOutputStream(FileDescriptor.out),
                stderr,
                Terminal.detect());
        System.exit(status);
    }
}

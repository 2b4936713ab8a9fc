package dev.strompy;

import dev.strompy.cli.Cli;
import dev.strompy.cli.Terminal;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;

/**
 * The entry point, and the one {@code System.exit}.
 *
 * <p>stdin and stdout are the raw descriptors, never {@code System.in}/{@code System.out}: a
 * {@code PrintStream} would swallow a broken pipe or a full disk.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status = Cli.run(args,
                new FileInputStream(FileDescriptor.in),
                new FileOutputStream(FileDescriptor.out),
                System.err,
                Terminal.detect());
        System.exit(status);
    }
}

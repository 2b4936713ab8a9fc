package dev.strompy.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The command with several threads from the first byte, 64 KB of items at a time: for a test in a JVM of its own. */
public final class ParallelMain {
    private ParallelMain() {
    }

    public static void main(String[] args) {
        System.exit(Main.run(args, new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8), Terminal.NONE,
                new Parallelism(0, 64 << 10)));
    }
}

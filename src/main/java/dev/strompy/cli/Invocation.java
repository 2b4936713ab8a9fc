package dev.strompy.cli;

/** What the command line asks for: a run, or text to print (help, version, op list). */
public sealed interface Invocation permits Invocation.Run, Invocation.Print {
    /** Evaluate the sources. */
    record Run(Options options) implements Invocation {
    }

    /** Print this text to stdout and exit 0. */
    record Print(String text) implements Invocation {
    }
}

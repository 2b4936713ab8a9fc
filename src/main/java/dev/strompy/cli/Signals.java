package dev.strompy.cli;

import dev.strompy.write.Output;
import sun.misc.Signal;

/**
 * How strompy ends on SIGINT, SIGTERM, SIGHUP and SIGQUIT: every result finished so far is
 * written out as whole lines (never part of one), the progress bar is erased, and the status is
 * 128 + the signal's number (130, 143, 129, 131), as a shell reports a process the signal
 * killed. In {@code --format json} the array is left open, so that an interrupted run does not
 * pass for a complete one.
 *
 * <p>SIGQUIT (Ctrl-\\) is the JVM's, and the JVM lets no Java code handle it (with {@code -Xrs},
 * which would leave it alone, no Java handler runs for any signal). So it goes through a native
 * helper, {@link Quit}, where the build could make one; without it, Ctrl-\\ prints a thread dump
 * (on stderr, with the launcher's {@code -XX:+DisplayVMOutputToStderr}) and the run goes on.
 */
final class Signals {
    /** How long the end waits for a record being written to be whole. */
    private static final long RECORD_WAIT_MILLIS = 5_000;

    private Signals() {
    }

    /**
     * @param out the output whose whole records are kept
     * @param beforeEnd run first, on the signal's thread (erases the progress bar)
     */
    static void install(Output out, Runnable beforeEnd) {
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                Signal.handle(new Signal(name), signal -> end(out, beforeEnd, 128 + signal.getNumber()));
            } catch (IllegalArgumentException e) {
                // Not a signal on this system.
            }
        }
        int quit = 128 + new Signal("QUIT").getNumber();
        Quit.install(() -> end(out, beforeEnd, quit));
    }

    private static void end(Output out, Runnable beforeEnd, int status) {
        beforeEnd.run();
        out.seal(RECORD_WAIT_MILLIS);
        // The signal's thread ends the process: the main thread may be waiting for input, and
        // shutdown hooks have nothing left to do.
        Runtime.getRuntime().halt(status);
    }
}

package dev.strompy.cli;

import dev.strompy.write.Output;
import sun.misc.Signal;

/**
 * How strompy ends on SIGINT, SIGTERM, SIGHUP and SIGQUIT ({@link Quit}): every result finished
 * is written out as whole lines, the progress bar erased, and the status is 128 + the signal's
 * number ({@code --format json} leaves its array open: the run does not pass for a complete one).
 */
final class Signals {
    /** How long the end waits for a record being written to be whole. */
    private static final long RECORD_WAIT_MILLIS = 5_000;

    private Signals() {
    }

    /** Ends the process on a signal, {@code out} sealed after whole records, once {@code beforeEnd} has run. */
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

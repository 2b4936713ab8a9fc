package dev.strompy.cli;

import dev.strompy.write.Output;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * How strompy ends on SIGINT, SIGTERM, SIGHUP and SIGQUIT ({@link Quit}): every result finished
 * is written out as whole lines, the progress bar erased, and the status is 128 + the signal's
 * number ({@code --format json} leaves its array open: the run does not pass for a complete one).
 * Its handlers are classes, not lambdas: every run installs them, and the first lambda of a run
 * costs it the start of {@code java.lang.invoke}.
 */
final class Signals {
    /** How long the end waits for a record being written to be whole. */
    private static final long RECORD_WAIT_MILLIS = 5_000;

    private Signals() {
    }

    /** Ends the process on a signal, {@code out} sealed after whole records, once {@code beforeEnd} has run. */
    static void install(Output out, Runnable beforeEnd) {
        End end = new End(out, beforeEnd, 128 + new Signal("QUIT").getNumber());
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                Signal.handle(new Signal(name), end);
            } catch (IllegalArgumentException e) {
                // Not a signal on this system.
            }
        }
        Quit.install(end);
    }

    /** The end on a signal: as a handler, the signal's status; run, SIGQUIT's. */
    private static final class End implements SignalHandler, Runnable {
        private final Output out;
        private final Runnable beforeEnd;
        private final int quit;

        End(Output out, Runnable beforeEnd, int quit) {
            this.out = out;
            this.beforeEnd = beforeEnd;
            this.quit = quit;
        }

        @Override
        public void handle(Signal signal) {
            end(128 + signal.getNumber());
        }

        @Override
        public void run() {
            end(quit);
        }

        private void end(int status) {
            beforeEnd.run();
            out.seal(RECORD_WAIT_MILLIS);
            // The signal's thread ends the process: the main thread may be waiting for input,
            // and shutdown hooks have nothing left to do.
            Runtime.getRuntime().halt(status);
        }
    }
}

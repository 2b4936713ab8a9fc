package dev.strompy.cli;

/**
 * SIGQUIT (Ctrl-\\) through the native helper {@code src/main/c/quit.c}, which the launcher names
 * in the system property {@value #LIBRARY} when the build made it: the JVM lets no Java code
 * handle SIGQUIT. Without the helper, SIGQUIT stays the JVM's (a thread dump on stderr).
 */
final class Quit {
    /** The system property that names the helper's shared library. */
    static final String LIBRARY = "strompy.quit";
    private static final long POLL_MILLIS = 100;

    private Quit() {
    }

    /** Takes SIGQUIT over, if the helper is there, to run {@code onQuit} on a thread of its own; @return whether it did */
    static boolean install(Runnable onQuit) {
        String library = System.getProperty(LIBRARY);
        if (library == null) {
            return false;
        }
        try {
            System.load(library);
            if (!install()) {
                return false;
            }
        } catch (UnsatisfiedLinkError | SecurityException e) {
            return false;
        }
        // It asks rather than waits in native code: a thread blocked there holds up the JVM's
        // exit by 0.3 s.
        Thread waiter = new Waiter(onQuit);
        waiter.setDaemon(true);
        waiter.start();
        return true;
    }

    /** Runs {@code onQuit} once SIGQUIT has come (a class, not a lambda: see {@link Signals}). */
    private static final class Waiter extends Thread {
        private final Runnable onQuit;

        Waiter(Runnable onQuit) {
            super("strompy-quit");
            this.onQuit = onQuit;
        }

        @Override
        public void run() {
            try {
                while (!requested()) {
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            }
            onQuit.run();
        }
    }

    private static native boolean install();

    /** Whether SIGQUIT has come. */
    private static native boolean requested();
}

package dev.strompy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process's surroundings, found once by {@link #detect()} (tests pass their own): whether
 * stdout is a terminal (colour) or a pipe, FIFO or socket (a failed write means its reader went
 * away), whether the process started with stdin closed (descriptor 0 is then a file the JVM
 * opened for itself), whether stderr is a terminal (a progress bar), {@code NO_COLOR}, and the
 * width from {@code COLUMNS} (0 when unknown, see {@link #width()}).
 */
public record Terminal(boolean stdoutIsTerminal, boolean stdoutIsPipe, boolean stdinIsClosed, boolean stderrIsTerminal,
        boolean noColor, int columns) {
    /** Neither stream a terminal, stdout no pipe: files, tests. */
    public static final Terminal NONE = new Terminal(false, false, false, false, false, 80);

    /** {@return the real process's, from where {@code /proc/self/fd/N} points}: without {@code /proc}, no terminal */
    public static Terminal detect() {
        Map<String, String> env = System.getenv();
        String noColor = env.get("NO_COLOR");
        int columns = 0;
        try {
            columns = Integer.parseInt(env.getOrDefault("COLUMNS", "0").trim());
        } catch (NumberFormatException e) {
            // unknown: ask the terminal when a bar is drawn
        }
        return new Terminal(isTerminal(1), isPipe(1), probeStdinClosed(), isTerminal(2), noColor != null && !noColor.isEmpty(),
                columns);
    }

    /**
     * The terminal's width: {@code COLUMNS} if the shell exported it, else what {@code stty}
     * says of the controlling terminal, else 80. Only asked when a progress bar is shown.
     */
    public int width() {
        if (columns > 0) {
            return Math.max(40, columns);
        }
        try {
            Process p = new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
            if (p.waitFor(1, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0) {
                return Math.max(40, Integer.parseInt(out.substring(out.indexOf(' ') + 1)));
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the default
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 80;
    }

    /** Whether a descriptor is a pipe or a socket ({@code pipe:[inode]}, {@code socket:[inode]}) or a FIFO. */
    private static boolean isPipe(int fd) {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd));
            String name = target.toString();
            if (name.startsWith("pipe:") || name.startsWith("socket:")) {
                return true;
            }
            Object mode = Files.getAttribute(target, "unix:mode");
            return mode instanceof Integer m && (m & 0170000) == 0010000;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether stdin was closed: descriptor 0 is then a file the JVM opened (its modules, a CDS archive, the jar). */
    private static boolean probeStdinClosed() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            String javaHome = System.getProperty("java.home", "");
            String jar = Terminal.class.getProtectionDomain().getCodeSource().getLocation().getPath();
            return (!javaHome.isEmpty() && target.startsWith(javaHome + "/")) || target.endsWith(".jsa")
                    || target.equals(jar);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}

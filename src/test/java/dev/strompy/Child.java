package dev.strompy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.opentest4j.AssertionFailedError;

/**
 * A process run by a test to its end, within a time limit. Both its outputs are read as they
 * come and its input is written on a thread of its own, so neither side can wait on the other.
 * A process still running at the limit gets a thread dump (SIGQUIT to each JVM in its tree, which
 * writes the dump on one of its outputs), is killed with all it started, and the test fails
 * with the end of what it wrote, dump included.
 */
public final class Child {
    /** A watch on a process, stopped by closing it. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /** What the process did: its exit status, what it wrote on each output, how long it took. */
    public record Result(int exit, String out, String err, long millis) {
    }

    private Child() {
    }

    /** Runs {@code pb} with its standard input as {@code pb} says, for at most {@code limit}. */
    public static Result run(ProcessBuilder pb, Duration limit) throws IOException, InterruptedException {
        return run(pb, null, limit);
    }

    /** Runs {@code pb} with {@code input} as its standard input (then closed), for at most {@code limit}. */
    public static Result run(ProcessBuilder pb, byte[] input, Duration limit) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = pb.start();
        Drain out = new Drain(p.getInputStream());
        Drain err = new Drain(p.getErrorStream());
        if (input != null) {
            CompletableFuture.runAsync(() -> {
                try (OutputStream stdin = p.getOutputStream()) {
                    stdin.write(input);
                } catch (IOException e) {
                    // The child stopped reading: what it wrote says why.
                }
            });
        } else if (pb.redirectInput() == ProcessBuilder.Redirect.PIPE) {
            p.getOutputStream().close();
        }
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            dumpThreads(p);
            Thread.sleep(2000);
            killTree(p);
            throw new AssertionFailedError("still running after " + limit.toSeconds() + " s: " + pb.command()
                    + "\n--- its stdout ends ---\n" + out.tail() + "\n--- its stderr ends ---\n" + err.tail());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        try {
            return new Result(p.exitValue(), out.get(), err.get(), millis);
        } catch (ExecutionException | TimeoutException e) {
            killTree(p);
            throw new AssertionFailedError("the process ended but its outputs stayed open (a child of its own?): "
                    + pb.command(), e);
        }
    }

    /**
     * Watches a process a test drives itself (writing to it as it reads): if it is still running
     * after {@code limit}, it gets a thread dump and is killed, so that the test's blocked reads
     * and writes end. Closing the watch before that stops it.
     */
    public static Watch watch(Process p, Duration limit) {
        Thread t = new Thread(() -> {
            try {
                if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    dumpThreads(p);
                    Thread.sleep(2000);
                    killTree(p);
                }
            } catch (InterruptedException e) {
                // Closed: the test is done with the process.
            }
        }, "child-watch");
        t.setDaemon(true);
        t.start();
        return t::interrupt;
    }

    /** Asks each JVM in the process's tree for a thread dump. */
    public static void dumpThreads(Process p) {
        Stream.concat(Stream.of(p.toHandle()), p.descendants())
                .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .forEach(h -> {
                    try {
                        new ProcessBuilder("kill", "-QUIT", Long.toString(h.pid())).start().waitFor(5, TimeUnit.SECONDS);
                    } catch (IOException | InterruptedException e) {
                        // Without a dump the failure still says what the process wrote.
                    }
                });
    }

    /** Kills the process and everything it started. */
    public static void killTree(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    /** One output of the process, read on a thread of its own as it comes. */
    private static final class Drain {
        private final StringBuffer text = new StringBuffer();
        private final CompletableFuture<String> done = new CompletableFuture<>();

        Drain(InputStream in) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[1 << 16];
                try (in) {
                    for (int n; (n = in.read(buf)) >= 0;) {
                        text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    // Closed under us: the process was killed.
                }
                done.complete(text.toString());
            }, "child-output");
            t.setDaemon(true);
            t.start();
        }

        String get() throws InterruptedException, ExecutionException, TimeoutException {
            return done.get(30, TimeUnit.SECONDS);
        }

        /** The last 20,000 characters read so far. */
        String tail() {
            synchronized (text) {
                return text.substring(Math.max(0, text.length() - 20_000));
            }
        }
    }
}

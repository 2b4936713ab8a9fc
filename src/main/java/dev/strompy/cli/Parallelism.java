package dev.strompy.cli;

/**
 * When the command evaluates a source on {@code --jobs} threads: from inputs of {@code from}
 * bytes (a stream: from its byte {@code from} on), each thread taking about {@code batchBytes} of
 * items at a time.
 */
record Parallelism(long from, int batchBytes) {
    /** This machine's. */
    static final Parallelism DEFAULT = forCores(Runtime.getRuntime().availableProcessors());

    /**
     * {@return the parallelism for a machine of {@code cores} processors}: on two, the JIT compiles
     * on the second core during the first few hundred MB, so threads pay only beyond that (on two
     * cores: 100 MB took 12-17% longer on threads, 150 MB as long, 200 MB 6-7% less, 1 GB 20%
     * less); with more cores they have cores of their own from the start, and pay once the cost of
     * starting them and of handing blocks on is small against the work (bench/README.md)
     */
    static Parallelism forCores(int cores) {
        return new Parallelism(cores <= 2 ? 192L << 20 : 32L << 20, 256 << 10);
    }
}

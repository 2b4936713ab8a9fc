package dev.strompy.cli;

/**
 * When the command evaluates a source on {@code --jobs} threads, and in what portions.
 *
 * @param from the smallest input evaluated on several threads, in bytes (a stream: from this
 *     many bytes on). Below it, starting threads costs more than it gains on two cores, where
 *     the JIT is still compiling on the other one: 100 MB took 10-20% longer on two threads,
 *     1 GB 12% less.
 * @param batchBytes about how many bytes of items a thread takes at a time
 */
record Parallelism(long from, int batchBytes) {
    static final Parallelism DEFAULT = new Parallelism(512L << 20, 256 << 10);
}

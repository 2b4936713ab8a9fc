package dev.strompy.cli;

/**
 * When the command evaluates a source on {@code --jobs} threads: from inputs of {@code from}
 * bytes (a stream: from its byte {@code from} on; below, threads cost more than they gain on two
 * cores, where the JIT still compiles on the other: 100 MB took 10-20% longer on two threads, 1 GB
 * 12% less), each thread taking about {@code batchBytes} of items at a time.
 */
record Parallelism(long from, int batchBytes) {
    static final Parallelism DEFAULT = new Parallelism(512L << 20, 256 << 10);
}

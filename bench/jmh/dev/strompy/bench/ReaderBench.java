package dev.strompy.bench;

import dev.strompy.eval.Limits;
import dev.strompy.eval.Part;
import dev.strompy.read.ItemDecoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Reading alone: 1 MB of dot items parsed into matrices and ops, nothing evaluated. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReaderBench {
    private byte[] input;

    @Setup
    public void setUp() {
        input = Inputs.dotItems(1_000_000);
    }

    @Benchmark
    public long readDotItems() {
        long count = 0;
        try (ItemDecoder decoder = new ItemDecoder("-", Limits.DEFAULT)) {
            decoder.feed(input, 0, input.length);
            decoder.endOfInput();
            for (Part p = decoder.next(); p != null; p = decoder.next()) {
                if (p instanceof Part.Lhs lhs) {
                    count += lhs.matrix().rows();
                } else if (p instanceof Part.Step step) {
                    count += step.op().code().ordinal();
                }
            }
        }
        return count;
    }
}

package dev.strompy.bench;

import dev.strompy.eval.Op;
import dev.strompy.read.ReadLimits;
import dev.strompy.read.WorkItem;
import dev.strompy.read.WorkItemReader;
import java.io.ByteArrayInputStream;
import java.util.Iterator;
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
        try (WorkItemReader reader = new WorkItemReader(new ByteArrayInputStream(input), new ReadLimits(10_000_000))) {
            for (WorkItem item = reader.next(); item != null; item = reader.next()) {
                count += item.lhs().rows();
                for (Iterator<Op> ops = item.ops(); ops.hasNext();) {
                    count += ops.next().code().ordinal();
                }
            }
        }
        return count;
    }
}

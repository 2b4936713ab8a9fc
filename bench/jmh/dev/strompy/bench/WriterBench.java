package dev.strompy.bench;

import dev.strompy.eval.Matrix;
import dev.strompy.write.Format;
import dev.strompy.write.Output;
import dev.strompy.write.ResultWriter;
import dev.strompy.write.TableStyle;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Writing alone: a 200x200 result of 12-decimal doubles, into a sink that discards it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WriterBench {
    @Param({"JSONL", "TABLE"})
    public Format format;

    private Matrix result;
    private ResultWriter writer;

    @Setup
    public void setUp() {
        result = new Matrix(200, 200, Inputs.values(40_000, 8));
        Output out = new Output(OutputStream.nullOutputStream(), 1 << 16, false);
        writer = ResultWriter.create(format, out, false, new TableStyle(6, false, false));
    }

    @Benchmark
    public void write200x200() {
        writer.result("-", 0, result);
    }
}

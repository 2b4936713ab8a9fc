package dev.strompy.bench;

import dev.strompy.eval.Evaluator;
import dev.strompy.eval.Matrix;
import dev.strompy.eval.Op;
import dev.strompy.eval.OpCode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Evaluation alone, on the bench workloads' shapes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvaluatorBench {
    private final Evaluator evaluator = new Evaluator();
    private Matrix small;
    private List<Op> chain;
    private Matrix big;
    private Op bigMul;

    @Setup
    public void setUp() {
        small = new Matrix(4, 4, Inputs.values(16, 1));
        chain = List.of(new Op(OpCode.ADD, new Matrix(4, 4, Inputs.values(16, 2))),
                new Op(OpCode.MUL, new Matrix(4, 4, Inputs.values(16, 3))), new Op(OpCode.TRANSPOSE, null),
                new Op(OpCode.MUL, new Matrix(4, 4, Inputs.values(16, 4))),
                new Op(OpCode.DOT, new Matrix(4, 4, Inputs.values(16, 5))));
        big = new Matrix(200, 200, Inputs.values(40_000, 6));
        bigMul = new Op(OpCode.MUL, new Matrix(200, 200, Inputs.values(40_000, 7)));
    }

    @Benchmark
    public Matrix chainOf5On4x4() {
        Matrix acc = small;
        for (Op op : chain) {
            acc = evaluator.apply(acc, op);
        }
        return acc;
    }

    @Benchmark
    public Matrix mul200x200() {
        return evaluator.apply(big, bigMul);
    }
}

package dev.obsidian.crypto.bench;

import dev.obsidian.crypto.field.Fr;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/** Single-thread Fr arithmetic: average time per operation (run with the bench profile). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class FrBenchmark {
    private Fr a = Fr.fromHex("0x1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809");
    private final Fr b = Fr.fromHex("0x0fedcba9876543210fedcba9876543210fedcba9876543210fedcba987654321");

    @Benchmark
    public Fr mul() {
        a = a.mul(b);
        return a;
    }

    @Benchmark
    public Fr square() {
        a = a.square().add(b);
        return a;
    }

    @Benchmark
    public Fr add() {
        a = a.add(b);
        return a;
    }

    @Benchmark
    public Fr inverse() {
        a = a.inverse().add(b);
        return a;
    }
}

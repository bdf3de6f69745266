package dev.obsidian.crypto.bench;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/** Single-thread Poseidon2 throughput (run with the bench profile). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class Poseidon2Benchmark {
    private Fr left = Fr.fromHex("0x1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809");
    private Fr right = Fr.fromHex("0x0fedcba9876543210fedcba9876543210fedcba9876543210fedcba987654321");
    private final Fr[] state = {Fr.of(0), Fr.of(1), Fr.of(2), Fr.of(3)};

    /** The Merkle node hash; each output feeds the next call so nothing can be hoisted. */
    @Benchmark
    public Fr hash2() {
        Fr next = Poseidon2.hash2(left, right);
        right = left;
        left = next;
        return next;
    }

    @Benchmark
    public Fr[] permutation() {
        return Poseidon2.permutation(state);
    }
}

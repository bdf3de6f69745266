package dev.obsidian.crypto.bench;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BinaryOperator;

/**
 * A dependency-free throughput check for the CLI's {@code obsidian bench crypto}: runs each operation on the
 * calling thread for a warm-up period (to let the JIT compile it), then counts operations over a measured period.
 * Every result feeds the next input, so the work cannot be optimised away. JMH benchmarks in the {@code bench}
 * profile give more careful figures.
 */
public final class CryptoBench {
    /** Outcome of one measured run. */
    public record Result(String operation, long operations, long elapsedNanos, long threadCpuNanos) {
        /** Operations per wall-clock second. */
        public double operationsPerSecond() {
            return operations * 1e9 / elapsedNanos;
        }

        /**
         * Operations per second of CPU time this thread actually got: on a machine shared with other work this is
         * the figure the hardware can do; -1 where the JVM cannot measure thread CPU time.
         */
        public double operationsPerCpuSecond() {
            return threadCpuNanos <= 0 ? -1 : operations * 1e9 / threadCpuNanos;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-24s %,12.0f ops/s wall  %,12.0f ops/s cpu  (%,d ops in %.2f s)",
                    operation, operationsPerSecond(), operationsPerCpuSecond(), operations, elapsedNanos / 1e9);
        }
    }

    private interface Step {
        /** Performs a batch of operations and returns how many it performed. */
        long run();
    }

    private static final int BATCH = 256;

    private CryptoBench() {
    }

    /** Poseidon2 2→1 hashes per second on this thread (the Merkle node hash), with the implementation in use. */
    public static Result poseidon2Hash2(long warmupMillis, long measureMillis) {
        return poseidon2Hash2(Poseidon2.implementation(), warmupMillis, measureMillis);
    }

    /**
     * Poseidon2 2→1 hashes per second on this thread with one implementation ("native" or "java", see
     * {@link Poseidon2#hash2Implementations()}), whichever is in use.
     */
    public static Result poseidon2Hash2(String implementation, long warmupMillis, long measureMillis) {
        BinaryOperator<Fr> hash2 = Poseidon2.hash2Implementations().get(implementation);
        if (hash2 == null) {
            throw new IllegalArgumentException("implementation: '" + implementation + "' is not available here; have "
                    + Poseidon2.hash2Implementations().keySet());
        }
        Fr[] chain = {Fr.of(1), Fr.of(2)};
        Step step = () -> {
            Fr left = chain[0];
            Fr right = chain[1];
            for (int i = 0; i < BATCH; i++) {
                Fr next = hash2.apply(left, right);
                right = left;
                left = next;
            }
            chain[0] = left;
            chain[1] = right;
            return BATCH;
        };
        return measure("poseidon2 hash2 " + implementation, step, warmupMillis, measureMillis);
    }

    /** Fr multiplications per second on this thread. */
    public static Result frMul(long warmupMillis, long measureMillis) {
        Fr[] chain = {Fr.of(3), Fr.of(7)};
        Step step = () -> {
            Fr a = chain[0];
            Fr b = chain[1];
            for (int i = 0; i < BATCH; i++) {
                Fr next = a.mul(b);
                b = a;
                a = next;
            }
            chain[0] = a;
            chain[1] = b;
            return BATCH;
        };
        return measure("fr mul", step, warmupMillis, measureMillis);
    }

    /** Fr inversions per second on this thread. */
    public static Result frInverse(long warmupMillis, long measureMillis) {
        Fr[] chain = {Fr.of(3)};
        Step step = () -> {
            Fr a = chain[0];
            for (int i = 0; i < 16; i++) {
                a = a.inverse().add(Fr.ONE);
            }
            chain[0] = a;
            return 16;
        };
        return measure("fr inverse", step, warmupMillis, measureMillis);
    }

    /**
     * All benchmarks, in order, with the given periods per benchmark: Poseidon2 with every available implementation
     * (the one in use first), then the field operations.
     */
    public static List<Result> runAll(long warmupMillis, long measureMillis) {
        List<Result> results = new ArrayList<>();
        for (String implementation : Poseidon2.hash2Implementations().keySet()) {
            results.add(poseidon2Hash2(implementation, warmupMillis, measureMillis));
        }
        results.add(frMul(warmupMillis, measureMillis));
        results.add(frInverse(warmupMillis, measureMillis));
        return results;
    }

    private static Result measure(String name, Step step, long warmupMillis, long measureMillis) {
        if (warmupMillis < 0 || measureMillis <= 0) {
            throw new IllegalArgumentException("warmupMillis must be >= 0 and measureMillis > 0, got "
                    + warmupMillis + " and " + measureMillis);
        }
        runFor(step, warmupMillis * 1_000_000L);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
        long cpuStart = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        long operations = runFor(step, measureMillis * 1_000_000L);
        long elapsed = System.nanoTime() - start;
        long cpu = cpuTimed ? threads.getCurrentThreadCpuTime() - cpuStart : -1;
        return new Result(name, operations, elapsed, cpu);
    }

    private static long runFor(Step step, long nanos) {
        long deadline = System.nanoTime() + nanos;
        long operations = 0;
        while (System.nanoTime() < deadline) {
            operations += step.run();
        }
        return operations;
    }

    /**
     * A warning when this JVM cannot use its optimising compiler (C2), which makes every figure here several times
     * lower: the launcher's fast-start -XX:TieredStopAtLevel=1 (about 8x slower for Poseidon2), or -Xint. Empty
     * otherwise.
     */
    public static Optional<String> jitWarning() {
        String level = null;
        boolean interpreted = false;
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("-XX:TieredStopAtLevel=")) {
                level = argument.substring("-XX:TieredStopAtLevel=".length()); // the last one wins, as for the JVM
            } else if (argument.equals("-Xint")) {
                interpreted = true;
            }
        }
        if (interpreted) {
            return Optional.of("this JVM runs with -Xint (no JIT): crypto figures are not representative");
        }
        if (level != null && !level.equals("4")) {
            return Optional.of("this JVM runs with -XX:TieredStopAtLevel=" + level + " (no C2 JIT), so crypto figures are"
                    + " several times lower than a server JVM gives; rerun with OBSIDIAN_JAVA_OPTS=-XX:TieredStopAtLevel=4");
        }
        return Optional.empty();
    }

    /** Prints every result; optional arguments: warm-up and measure periods in milliseconds (default 3000 5000). */
    public static void main(String[] args) {
        long warmupMillis = args.length > 0 ? Long.parseLong(args[0]) : 3000;
        long measureMillis = args.length > 1 ? Long.parseLong(args[1]) : 5000;
        jitWarning().ifPresent(warning -> System.out.println("warning: " + warning));
        System.out.println("poseidon2 implementation in use: " + Poseidon2.implementation()
                + " (available: " + String.join(", ", Poseidon2.hash2Implementations().keySet()) + ")");
        for (Result result : runAll(warmupMillis, measureMillis)) {
            System.out.println(result);
        }
    }
}

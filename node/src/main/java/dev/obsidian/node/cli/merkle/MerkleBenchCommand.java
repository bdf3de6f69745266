package dev.obsidian.node.cli.merkle;

import dev.obsidian.merkle.bench.MerkleBench;
import dev.obsidian.node.cli.BenchTiming;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code obsidian bench merkle}: the plain-Java merkle benchmark (JMH figures: merkle's bench profile). */
@Command(name = "merkle",
    description = "Times appending 64 note hashes (h=42), inserting a tx's 64 nullifiers (h=42) and committing a "
        + "block to RocksDB, on one thread: ops/s (wall and CPU) and p50/p99 latency.")
public final class MerkleBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BenchTiming timing;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    timing.validate(spec, out);
    List<MerkleBench.Result> results = MerkleBench.runAll(timing.warmup(), timing.measure());
    out.println("Obsidian merkle benchmark (one thread; " + Runtime.getRuntime().availableProcessors() + " cores)");
    results.forEach(out::println);
    out.flush();
    return 0;
  }
}

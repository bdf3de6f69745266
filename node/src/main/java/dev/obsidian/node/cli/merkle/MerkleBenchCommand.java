package dev.obsidian.node.cli.merkle;

import dev.obsidian.merkle.bench.MerkleBench;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code obsidian bench merkle}: the plain-Java merkle benchmark (JMH figures: merkle's bench profile). */
@Command(name = "merkle",
    description = "Times appending 64 note hashes (h=42), inserting a tx's 64 nullifiers (h=42) and committing a "
        + "block to RocksDB, on one thread: ops/s (wall and CPU) and p50/p99 latency.")
public final class MerkleBenchCommand implements Callable<Integer> {
  private static final int MAX_SECONDS = 600;

  @Spec CommandSpec spec;

  @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "3",
      description = "Warm-up per benchmark, 0..600 (default 3).")
  int warmupSeconds;

  @Option(names = "--measure-seconds", paramLabel = "S", defaultValue = "5",
      description = "Measured time per benchmark, 1..600 (default 5).")
  int measureSeconds;

  @Override
  public Integer call() {
    requireRange("--warmup-seconds", warmupSeconds, 0);
    requireRange("--measure-seconds", measureSeconds, 1);
    List<MerkleBench.Result> results =
        MerkleBench.runAll(Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(measureSeconds));
    PrintWriter out = spec.commandLine().getOut();
    if (jitLimited()) {
      out.println("warning: this JVM runs with -XX:TieredStopAtLevel below 4 (the launcher's fast-start setting), so "
          + "the optimising compiler is off and figures are several times too low; rerun with "
          + "OBSIDIAN_JAVA_OPTS=-XX:TieredStopAtLevel=4");
    }
    out.println("Obsidian merkle benchmark (one thread; " + Runtime.getRuntime().availableProcessors() + " cores)");
    results.forEach(out::println);
    out.flush();
    return 0;
  }

  private static boolean jitLimited() {
    String level = null;
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("-XX:TieredStopAtLevel=")) {
        level = argument.substring("-XX:TieredStopAtLevel=".length()); // the last one wins, as for the JVM
      }
    }
    return level != null && !level.equals("4");
  }

  private void requireRange(String option, int value, int min) {
    if (value < min || value > MAX_SECONDS) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '" + option + "': " + value + " is outside " + min + ".." + MAX_SECONDS);
    }
  }
}

package dev.obsidian.node.cli;

import dev.obsidian.node.cli.restart.RestartBench;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code obsidian bench restart}: how long a node takes to be ready again on a data dir holding N blocks. */
@Command(name = "restart",
    description = "Builds a chain of --blocks blocks in a data dir (the real node in this JVM, embedded journal and "
        + "store on disk; skipped when --data-dir already holds them), then restarts the node on it in fresh JVMs "
        + "and prints 'restart after N blocks ready in X ms' with where the time went. No L1 (the sandbox starts "
        + "its Anvil in parallel with the node).")
public final class RestartBenchCommand implements Callable<Integer> {
  static final int MAX_BLOCKS = 100_000;
  static final int MAX_TXS_PER_BLOCK = 64;
  static final int MAX_RUNS = 20;

  @Spec CommandSpec spec;

  @Option(names = "--blocks", paramLabel = "N", defaultValue = "1000",
      description = "Blocks in the chain before the restart, 1.." + MAX_BLOCKS + " (default 1000).")
  long blocks;

  @Option(names = "--txs-per-block", paramLabel = "K", defaultValue = "2",
      description = "Txs in each block built, 0.." + MAX_TXS_PER_BLOCK + " (default 2; 0 builds empty blocks).")
  int txsPerBlock;

  @Option(names = "--data-dir", paramLabel = "D",
      description = "Data dir to grow and restart on, kept afterwards (default: a temporary one, deleted).")
  Path dataDir;

  @Option(names = "--runs", paramLabel = "R", defaultValue = "3",
      description = "Measured restarts, each in a fresh JVM, 1.." + MAX_RUNS + " (default 3); the median is reported.")
  int runs;

  @Option(names = "--class-data", paramLabel = "KIND",
      description = "How the restarted JVMs load classes: aot (JDK 25's ahead-of-time cache, the default on JDK 25+), "
          + "cds (the dynamic class-data archive ./obsidian sandbox uses, the default before JDK 25) or none. "
          + "The first restart writes the cache or archive and is not counted.")
  String classData;

  @Override
  public Integer call() throws Exception {
    require("--blocks", blocks, 1, MAX_BLOCKS);
    require("--txs-per-block", txsPerBlock, 0, MAX_TXS_PER_BLOCK);
    require("--runs", runs, 1, MAX_RUNS);
    PrintWriter out = spec.commandLine().getOut();
    RestartBench.ClassData kind = RestartBench.defaultClassData();
    if (classData != null) {
      try {
        kind = RestartBench.ClassData.valueOf(classData.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(),
            "Invalid value for option '--class-data': '" + classData + "' is not one of aot, cds, none");
      }
      if (kind == RestartBench.ClassData.AOT && Runtime.version().feature() < 25) {
        throw new ParameterException(spec.commandLine(),
            "Invalid value for option '--class-data': aot needs a JDK 25 or newer, this is " + Runtime.version());
      }
    }
    return new RestartBench(out, kind).run(Optional.ofNullable(dataDir), blocks, txsPerBlock, runs);
  }

  private void require(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '" + option + "': " + value + " is outside " + min + ".." + max);
    }
  }
}

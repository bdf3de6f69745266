package dev.obsidian.node.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code obsidian bench}: quick, dependency-free benchmarks of the node's components, one subcommand each. */
@Command(
    name = "bench",
    description = "Quick single-threaded benchmarks (careful JMH versions: each module's bench profile).",
    subcommands = {
      dev.obsidian.node.cli.crypto.CryptoBenchCommand.class,
      dev.obsidian.node.cli.merkle.MerkleBenchCommand.class,
      dev.obsidian.node.cli.circuits.ProverBenchCommand.class,
      RestartBenchCommand.class})
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}

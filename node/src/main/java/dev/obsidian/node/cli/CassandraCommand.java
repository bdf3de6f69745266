package dev.obsidian.node.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code obsidian cassandra}: development helpers for the Cassandra journal. */
@Command(name = "cassandra", description = "Development helpers for the Cassandra journal.",
    subcommands = CassandraStartCommand.class)
final class CassandraCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}

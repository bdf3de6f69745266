package dev.obsidian.node.cli;

import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code obsidian} executable. Subcommands are registered here, one class each. */
@Command(
    name = "obsidian",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = ObsidianCli.Version.class,
    description = "Obsidian: a privacy zk-rollup node (Aztec protocol 4.1.2).",
    subcommands = {
      CommandLine.HelpCommand.class,
      ConfigCommand.class,
      SandboxCommand.class,
      NodeCommand.class,
      ProverCommand.class,
      StatusCommand.class,
      L1Command.class,
      LoadtestCommand.class,
      dev.obsidian.node.cli.crypto.CryptoCommand.class,
      dev.obsidian.node.cli.crypto.KeysCommand.class,
      dev.obsidian.node.cli.merkle.MerkleCommand.class,
      dev.obsidian.node.cli.circuits.CircuitsCommand.class,
      BenchCommand.class,
      CassandraCommand.class,
      dev.obsidian.node.cli.replay.ReplayCommand.class, dev.obsidian.node.cli.replay.StateCommand.class})
public final class ObsidianCli implements Runnable {

  /** Exit code for bad arguments, bad config or bad input: the message names the culprit. */
  public static final int EXIT_USAGE = 2;

  /** Exit code for a failure that is not the user's: a bug or a broken environment (stack trace shown). */
  public static final int EXIT_INTERNAL_ERROR = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, String> environment;

  private ObsidianCli(Map<String, String> environment) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line; tests call this to run commands in-process. */
  public static CommandLine newCommandLine() {
    return newCommandLine(System.getenv());
  }

  /**
   * The configured command line, seeing {@code environment} instead of the process's environment variables
   * (for the {@code OBSIDIAN_*} overrides), so that tests are deterministic.
   */
  public static CommandLine newCommandLine(Map<String, String> environment) {
    CommandLine commandLine = new CommandLine(new ObsidianCli(environment));
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    commandLine.setExecutionExceptionHandler(new ExecutionErrorHandler());
    return commandLine;
  }

  /** The environment variables commands read (the real ones unless a test injected others). */
  Map<String, String> environment() {
    return environment;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ObsidianCli.class.getPackage().getImplementationVersion();
      return new String[] {"obsidian " + (v == null ? "dev" : v) + " (Aztec protocol 4.1.2)"};
    }
  }
}

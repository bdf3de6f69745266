package dev.obsidian.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code obsidian} executable. Subcommands are registered here, one class each. */
@Command(
    name = "obsidian",
    mixinStandardHelpOptions = true,
    versionProvider = ObsidianCli.Version.class,
    description = "Obsidian: a privacy zk-rollup node (Aztec protocol 4.1.2).",
    subcommands = {
      CommandLine.HelpCommand.class,
      dev.obsidian.node.cli.crypto.CryptoCommand.class,
      dev.obsidian.node.cli.crypto.KeysCommand.class})
public final class ObsidianCli implements Runnable {

  /** Exit code for bad arguments, bad config or bad input: the message names the culprit. */
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line; tests call this to run commands in-process. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new ObsidianCli());
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ObsidianCli.class.getPackage().getImplementationVersion();
      return new String[] {"obsidian " + (v == null ? "dev" : v) + " (Aztec protocol 4.1.2)"};
    }
  }
}

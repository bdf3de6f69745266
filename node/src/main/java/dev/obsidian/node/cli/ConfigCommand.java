package dev.obsidian.node.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code obsidian config}: a group only; picocli reports a missing subcommand as a usage error. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Show or check configuration (keys and defaults: reference.conf).",
    subcommands = {ConfigPrintCommand.class, ConfigCheckCommand.class})
final class ConfigCommand {

  @ParentCommand ObsidianCli root;

  Map<String, String> environment() {
    return root.environment();
  }
}

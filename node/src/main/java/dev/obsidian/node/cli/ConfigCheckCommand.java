package dev.obsidian.node.cli;

import dev.obsidian.config.SettingsLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code obsidian config check FILE}: validates a file as the node would load it. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check FILE as the node would load it (with the OBSIDIAN_* environment variables applied).",
      "Prints \"ok\" and exits 0, or lists every error (key, value, expected form, origin) and exits 2."
    })
final class ConfigCheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand ConfigCommand config;

  @Parameters(index = "0", paramLabel = "FILE", description = "The HOCON file to check.")
  Path file;

  @Override
  public Integer call() {
    SettingsLoader.loadEffective(SettingsLoader.parseFile(file), config.environment());
    spec.commandLine().getOut().println("ok");
    spec.commandLine().getOut().flush();
    return 0;
  }
}

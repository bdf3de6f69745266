package dev.obsidian.node.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.obsidian.config.EffectiveConfig;
import dev.obsidian.config.SettingsLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code obsidian config print}: the effective obsidian.* settings as HOCON. */
@Command(
    name = "print",
    mixinStandardHelpOptions = true,
    description = {
      "Print the effective obsidian.* configuration as HOCON: defaults, overridden by --file, "
          + "overridden by OBSIDIAN_* environment variables.",
      "Exits 2 if the configuration is invalid."
    })
final class ConfigPrintCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand ConfigCommand config;

  @Option(names = "--origin", description = "Follow each value with where it came from: "
      + "reference.conf:LINE, FILE:LINE or env VARIABLE.")
  boolean withOrigins;

  @Option(names = "--file", paramLabel = "FILE", description = "A HOCON file overriding the defaults.")
  Path file;

  @Override
  public Integer call() {
    Config overrides = file == null ? ConfigFactory.empty() : SettingsLoader.parseFile(file);
    EffectiveConfig effective = SettingsLoader.loadEffective(overrides, config.environment());
    spec.commandLine().getOut().print(effective.render(withOrigins));
    spec.commandLine().getOut().flush();
    return 0;
  }
}

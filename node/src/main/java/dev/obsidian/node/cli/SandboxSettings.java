package dev.obsidian.node.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import dev.obsidian.config.EffectiveConfig;
import dev.obsidian.config.EnvironmentOverrides;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.config.SettingsLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The sandbox's settings: defaults, then {@code --file}, then the OBSIDIAN_* environment, then the flags.
 * A flag beats the environment variable of the same key, because it was typed for this run.
 */
final class SandboxSettings {

  private final Map<String, Object> flagValues = new HashMap<>();
  private final Map<String, String> flagNames = new HashMap<>();

  SandboxSettings flag(String flag, String key, Object value) {
    if (value != null) {
      flagValues.put(key, value);
      flagNames.put(key, flag);
    }
    return this;
  }

  SandboxSettings dataDir(Path dataDir) {
    return flag("--data-dir", "obsidian.data-dir", dataDir == null ? null : dataDir.toString());
  }

  SandboxSettings port(Integer port) {
    return flag("--port", "obsidian.node.rpc-port", port);
  }

  SandboxSettings blockTime(Duration blockTime) {
    return flag("--block-time", "obsidian.sequencer.block-time-ms", blockTime == null ? null : blockTime.toMillis());
  }

  /** @throws dev.obsidian.config.InvalidSettingsException naming each bad key and where it came from */
  ObsidianSettings load(Path file, Map<String, String> environment) {
    return loadEffective(file, environment).settings();
  }

  /** The settings with the merged config they came from, which also holds this module's obsidian.rpc.*. */
  EffectiveConfig loadEffective(Path file, Map<String, String> environment) {
    Config flags = ConfigFactory.empty();
    for (Map.Entry<String, Object> entry : flagValues.entrySet()) {
      flags = flags.withValue(entry.getKey(),
          ConfigValueFactory.fromAnyRef(entry.getValue(), flagNames.get(entry.getKey())));
    }
    Config fileLayer = file == null ? ConfigFactory.empty() : SettingsLoader.parseFile(file);
    return SettingsLoader.loadEffective(flags.withFallback(fileLayer), withoutVariablesOfFlags(environment));
  }

  private Map<String, String> withoutVariablesOfFlags(Map<String, String> environment) {
    Map<String, String> remaining = new HashMap<>(environment);
    for (EnvironmentOverrides.Mapping mapping : EnvironmentOverrides.mappings()) {
      if (flagValues.containsKey(mapping.key())) {
        remaining.remove(mapping.variable());
      }
    }
    return remaining;
  }
}

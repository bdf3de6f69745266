package dev.obsidian.node.cli.restart;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.config.SettingsLoader;
import java.nio.file.Path;
import java.util.Map;

/**
 * The node settings of {@code obsidian bench restart}, the same when building the chain and when restarting on it:
 * defaults (the environment is not read, so an OBSIDIAN_* variable set for a sandbox cannot change a measurement),
 * the fastest block time, and exactly {@code txsPerBlock} txs per block ({@code 0}: empty blocks).
 */
final class RestartNode {
  static final long BLOCK_TIME_MS = 100;

  private RestartNode() {}

  static ObsidianSettings settings(Path dataDir, int txsPerBlock) {
    return SettingsLoader.load(ConfigFactory.parseMap(Map.of(
        "obsidian.data-dir", dataDir.toAbsolutePath().toString(),
        "obsidian.sequencer.block-time-ms", BLOCK_TIME_MS,
        "obsidian.sequencer.min-txs-per-block", Math.max(1, txsPerBlock),
        "obsidian.sequencer.max-txs-per-block", Math.max(1, txsPerBlock),
        "obsidian.sequencer.build-empty-blocks", txsPerBlock == 0)), Map.of());
  }
}

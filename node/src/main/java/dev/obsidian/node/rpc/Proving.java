package dev.obsidian.node.rpc;

import dev.obsidian.actors.BlockProver;
import dev.obsidian.circuits.groth16.KeyStore;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.prover.Groth16BlockProver;
import java.util.Map;

/** The node's proof system when {@code obsidian.prover.enabled}: Groth16 with keys from the key directory. */
public final class Proving {
  private Proving() {}

  /** Null with proving off (nothing is loaded); else the rollup circuit variants with their keys, checked. */
  public static BlockProver prover(ObsidianSettings settings, Map<String, String> environment) {
    if (!settings.prover().enabled()) {
      return null;
    }
    KeyStore keys = new KeyStore(settings.prover().resolvedKeyDir(environment), System.out);
    return Groth16BlockProver.load(keys, settings.prover().maxBaseCapacity(), maxBlockTxs(settings), System.out);
  }

  /** With proving on, the largest block the sequencer builds: the smaller of the two settings. */
  public static int maxBlockTxs(ObsidianSettings settings) {
    return Math.min(settings.prover().maxBlockTxs(), settings.sequencer().maxTxsPerBlock());
  }
}

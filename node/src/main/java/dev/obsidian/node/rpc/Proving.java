package dev.obsidian.node.rpc;

import dev.obsidian.actors.BlockProver;
import dev.obsidian.circuits.groth16.KeyStore;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.l1.BlockVerifierKeys;
import dev.obsidian.prover.Groth16BlockProver;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /**
   * The verifying keys the L1 Rollup checks this prover's proofs with (its block-root and base variants, smallest
   * first: the order is the variant numbering on L1), or empty when the node does not prove.
   */
  public static Optional<BlockVerifierKeys> verifierKeys(BlockProver prover) {
    if (!(prover instanceof Groth16BlockProver groth16)) {
      return Optional.empty();
    }
    return Optional.of(new BlockVerifierKeys(variants(groth16.blockRootVariants()), variants(groth16.baseVariants())));
  }

  private static List<BlockVerifierKeys.Variant> variants(List<Groth16BlockProver.Variant> loaded) {
    return loaded.stream().map(v -> BlockVerifierKeys.Variant.of(v.key(), v.capacity())).toList();
  }
}

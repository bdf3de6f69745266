package dev.obsidian.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * All of Obsidian's typed settings, one record per component. Build it with {@link SettingsLoader}; the
 * constructors check the same invariants, so a hand-built instance is valid too.
 *
 * @param dataDir directory holding all node state
 */
public record ObsidianSettings(
    Path dataDir,
    NodeSettings node,
    MerkleSettings merkle,
    L1Settings l1,
    LimitSettings limits,
    SequencerSettings sequencer,
    ProverSettings prover,
    PersistenceSettings persistence,
    ArchiverSettings archiver) {

  /** Settings with the archiver's defaults. */
  public ObsidianSettings(Path dataDir, NodeSettings node, MerkleSettings merkle, L1Settings l1,
      LimitSettings limits, SequencerSettings sequencer, ProverSettings prover, PersistenceSettings persistence) {
    this(dataDir, node, merkle, l1, limits, sequencer, prover, persistence, ArchiverSettings.DEFAULTS);
  }

  public ObsidianSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(merkle, "merkle");
    Objects.requireNonNull(l1, "l1");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(sequencer, "sequencer");
    Objects.requireNonNull(prover, "prover");
    Objects.requireNonNull(persistence, "persistence");
    Objects.requireNonNull(archiver, "archiver");
    Check.that(
        node.chainId() == l1.chainId(),
        "node.chainId (" + node.chainId() + ") must equal l1.chainId (" + l1.chainId()
            + "): the Rollup contract rejects headers whose chain id is not L1's");
  }
}

package dev.obsidian.l1;

import dev.obsidian.crypto.field.Fr;
import java.util.List;

/**
 * The block proof's public inputs exactly as {@code Rollup.publicInputs(header)} builds them on L1: blockNumber,
 * lastArchiveRoot, archiveRoot, blockHash, effectsHash, inHash, outHash. A block-root circuit must expose these,
 * in this order, as its public inputs.
 */
public final class BlockProofInputs {
  public static final int COUNT = 7;

  private BlockProofInputs() {}

  public static List<Fr> of(ProposedHeader header) {
    return List.of(Fr.of(header.blockNumber()), header.lastArchiveRoot(), header.archiveRoot(), header.blockHash(),
        header.effectsHash(), header.inHash(), header.outHash());
  }
}

package dev.obsidian.actors;

import dev.obsidian.crypto.field.Fr;

/**
 * The chain's tips by how settled they are (Aztec's L2Tips: proposed, checkpointed, proven, finalized), each a block
 * number and hash.
 *
 * @param proposed the latest block built by this node
 * @param checkpointed the latest block published on L1 with the publisher's confirmations (Aztec: the last block of
 *     the last checkpoint on L1); 0 without L1
 * @param proven the latest block this node proved (its public inputs re-checked; no proof is checked on L1 yet)
 * @param finalized the latest block both proven and published (the lower of the two)
 */
public record L2Tips(BlockId proposed, BlockId checkpointed, BlockId proven, BlockId finalized) {

  /** One block by number and hash. */
  public record BlockId(long number, Fr hash) {}
}

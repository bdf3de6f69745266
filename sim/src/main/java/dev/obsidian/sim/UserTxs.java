package dev.obsidian.sim;

import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.WorldStateReader;
import java.util.Set;

/**
 * One user's txs: its own seeded {@link RandomTxs} stream, whose nullifiers are checked absent from the chain's
 * nullifier tree as the run knows it (genesis), then claimed in a set shared by every user of the run. A tx with a
 * nullifier another tx of the run already claimed is thrown away and the next one drawn, so the run never submits a
 * double spend of its own.
 *
 * <p>Why not the node's live tree: asking the node for every candidate nullifier would double the load on the
 * world-state actor being measured. Nullifiers drawn before this run are not known here; a random field element hits
 * one with probability about (tree size)/2^254, and the node's own check would reject it as DOUBLE_SPEND, which the
 * report counts.
 */
final class UserTxs implements User.TxSource {
  /** Draws per tx before giving up: more than one failure means the random stream repeats itself. */
  static final int MAX_DRAWS = 8;

  private final RandomTxs random;
  private final WorldStateReader knownState;
  private final Set<Fr> claimedNullifiers;

  /**
   * @param knownState the chain's state as the run knows it (thread-safe: shared by every user)
   * @param claimedNullifiers every nullifier of the run's txs so far (thread-safe)
   */
  UserTxs(RandomTxs random, WorldStateReader knownState, Set<Fr> claimedNullifiers) {
    this.random = random;
    this.knownState = knownState;
    this.claimedNullifiers = claimedNullifiers;
  }

  /** User {@code index}'s stream: a seed of its own derived from the run's seed. */
  static RandomTxs streamOf(long runSeed, int index, long chainId, long rollupVersion) {
    long seed = runSeed * 0x9E3779B97F4A7C15L + index;
    return new RandomTxs(seed, chainId, rollupVersion);
  }

  @Override
  public Tx next(Fr anchorBlockHash) {
    for (int draw = 0; draw < MAX_DRAWS; draw++) {
      Tx tx = random.next(anchorBlockHash, knownState);
      if (claimAll(tx)) {
        return tx;
      }
    }
    throw new IllegalStateException(MAX_DRAWS + " txs in a row reused a nullifier of this run: the random stream repeats");
  }

  private boolean claimAll(Tx tx) {
    for (Fr nullifier : tx.effects().nullifiers()) {
      if (!claimedNullifiers.add(nullifier)) {
        return false;
      }
    }
    return true;
  }
}

package dev.obsidian.actors.replay;

import dev.obsidian.actors.block.StateReference;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.TreeInfo;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of re-executing one journaled block.
 *
 * @param baseSource where the state at block N-1 came from (a store snapshot, or the journal replayed into memory)
 * @param blockHash the journaled block's header hash
 * @param txCount the txs the journaled block holds
 * @param start the four state trees at block N-1
 * @param txs per-tx diffs, up to the tx where re-execution stopped
 * @param end the re-executed state after the block's txs
 * @param archive the re-executed archive after the block's header hash was appended (absent if it stopped earlier)
 * @param divergence the first difference from the journal; empty when every check passed
 */
public record BlockReplay(
    long blockNumber,
    Fr blockHash,
    int txCount,
    String baseSource,
    StateReference start,
    List<TxDiff> txs,
    Optional<StateReference> end,
    Optional<TreeInfo> archive,
    Optional<Divergence> divergence) {

  public BlockReplay {
    txs = List.copyOf(txs);
  }

  public boolean matches() {
    return divergence.isEmpty();
  }
}

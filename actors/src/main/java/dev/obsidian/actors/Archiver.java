package dev.obsidian.actors;

import java.util.concurrent.CompletionStage;

/**
 * Follows L1 (Rollup proposals, Inbox messages) and detects reorgs; the real implementation comes with the L1 issue.
 * Nothing implements it yet: the node has no L1.
 */
public interface Archiver {
  /** The newest L2 block number the Rollup contract has accepted, as seen on L1. */
  CompletionStage<Long> latestPublishedBlockNumber();

  /** What the archiver reports to the sequencer. */
  sealed interface Event {}

  record BlockSeenOnL1(long blockNumber, String l1TxHash, long l1BlockNumber) implements Event {}

  record L1ReorgDetected(long firstRemovedL1Block, long lastValidL2Block) implements Event {}
}

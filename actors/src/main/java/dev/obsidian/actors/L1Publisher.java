package dev.obsidian.actors;

import dev.obsidian.actors.block.L2Block;
import java.util.concurrent.CompletionStage;

/** Sends a proven block to the L1 Rollup contract. The real implementation comes with the L1 issue. */
public interface L1Publisher {
  CompletionStage<Outcome> publish(L2Block block);

  sealed interface Outcome {}

  record Published(String l1TxHash) implements Outcome {}

  record NotPublished(String reason) implements Outcome {}
}

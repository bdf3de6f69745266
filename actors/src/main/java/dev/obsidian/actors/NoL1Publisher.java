package dev.obsidian.actors;

import java.util.List;
import dev.obsidian.actors.block.L2Block;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The sandbox's publisher: there is no L1 yet, so every block is recorded as not published, with this reason. */
public final class NoL1Publisher implements L1Publisher {
  public static final String REASON = "no L1 publisher configured: this node does not settle blocks on L1 yet";

  @Override
  public CompletionStage<Outcome> publish(L2Block block,
      List<BlockProofs.AcceptedProof> proofs) {
    return CompletableFuture.completedFuture(new NotPublished(REASON));
  }
}

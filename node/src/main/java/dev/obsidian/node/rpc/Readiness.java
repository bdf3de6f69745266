package dev.obsidian.node.rpc;

import java.util.concurrent.CompletionStage;

/**
 * Whether the node can serve requests now (its actors recovered, its world state synced). Liveness needs no
 * check: a server that answers {@code /health} at all is alive.
 */
@FunctionalInterface
public interface Readiness {
  CompletionStage<Boolean> isReady();
}

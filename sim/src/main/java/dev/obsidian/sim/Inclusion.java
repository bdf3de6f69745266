package dev.obsidian.sim;

import dev.obsidian.actors.tx.TxHash;

/** A submitted tx seen mined in block {@code blockNumber}: checked afterwards against the node's receipt. */
public record Inclusion(TxHash txHash, long blockNumber) {}

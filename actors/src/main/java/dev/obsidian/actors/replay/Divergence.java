package dev.obsidian.actors.replay;

import java.util.OptionalInt;

/**
 * The first place where re-execution disagrees with the journal (or the journal with itself).
 *
 * @param blockNumber the block being checked
 * @param txIndex the tx within the block, when the difference is in one tx
 * @param field what differs, named as in the block: {@code header.state.noteHashTree.root},
 *     {@code txs[1].effects.noteHashes[0]}, {@code globals.timestampSeconds}, ...
 * @param journaled the value the journaled block holds
 * @param recomputed the value re-execution (or the journaled input it must match) gives
 */
public record Divergence(long blockNumber, OptionalInt txIndex, String field, String journaled, String recomputed) {
  public Divergence {
    if (field == null || journaled == null || recomputed == null) {
      throw new IllegalArgumentException("field, journaled and recomputed must be present");
    }
  }

  public String describe() {
    return "block " + blockNumber + (txIndex.isPresent() ? " tx " + txIndex.getAsInt() : "") + " " + field
        + ": the journal has " + journaled + " but re-execution gives " + recomputed;
  }
}

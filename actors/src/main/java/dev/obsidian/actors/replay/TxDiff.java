package dev.obsidian.actors.replay;

import dev.obsidian.actors.block.StateReference;
import dev.obsidian.actors.tx.PrivateLog;
import dev.obsidian.actors.tx.PublicLog;
import dev.obsidian.actors.tx.ScopedL2ToL1Message;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import java.util.List;

/**
 * What one tx changed when re-executed: leaves inserted with their indexes, public slots old to new, the logs and
 * messages it emitted, and the four state trees after it (the roots the journal does not hold per tx).
 */
public record TxDiff(
    int txIndex,
    TxHash txHash,
    List<Leaf> nullifiers,
    List<Leaf> noteHashes,
    List<SlotWrite> publicData,
    List<ScopedL2ToL1Message> l2ToL1Messages,
    List<PrivateLog> privateLogs,
    List<PublicLog> publicLogs,
    StateReference stateAfter) {

  public TxDiff {
    nullifiers = List.copyOf(nullifiers);
    noteHashes = List.copyOf(noteHashes);
    publicData = List.copyOf(publicData);
    l2ToL1Messages = List.copyOf(l2ToL1Messages);
    privateLogs = List.copyOf(privateLogs);
    publicLogs = List.copyOf(publicLogs);
  }

  /** A leaf and the index it was inserted at. */
  public record Leaf(long index, Fr value) {}

  /**
   * A public data write.
   *
   * @param oldValue the slot's value before (zero if the slot was absent)
   * @param created whether the write inserted the slot (else it updated the leaf in place)
   * @param leafIndex the slot's leaf index after the write
   */
  public record SlotWrite(Fr leafSlot, Fr oldValue, Fr newValue, boolean created, long leafIndex) {}
}

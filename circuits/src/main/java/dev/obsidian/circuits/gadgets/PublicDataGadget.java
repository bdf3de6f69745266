package dev.obsidian.circuits.gadgets;

import dev.obsidian.circuits.builder.CircuitBuilder;
import dev.obsidian.circuits.builder.Value;

/**
 * A public data write (update-or-insert) as {@code WorldStateFork.writePublicData} does it: if the low leaf holds
 * the slot its value is replaced in place; otherwise the slot is inserted after its low leaf at the next free index.
 * A write with slot 0 is padding: it changes nothing and its value must be 0.
 */
public final class PublicDataGadget {
  private PublicDataGadget() {}

  /**
   * @param low the leaf with the largest slot at or below {@code slot}, before the write
   * @param insertionPath the path of the next free index after the low leaf's update (ignored for an update)
   */
  public static TreeSnapshot write(CircuitBuilder builder, TreeSnapshot state, Value slot, Value value, LeafVars low,
      PathVars lowPath, PathVars insertionPath) {
    Value enabled = Value.ONE.minus(builder.isZero(slot));
    builder.assertProduct(Value.ONE.minus(enabled), value, Value.ZERO);
    Value isUpdate = builder.and(enabled, builder.isEqual(low.key(), slot));
    Value isInsert = enabled.minus(isUpdate);
    IndexedTreeGadget.assertWhen(builder, isInsert, IndexedTreeGadget.isLowLeaf(builder, low.key(), low.nextKey(),
        slot));
    LeafVars updatedLow = LeafVars.select(builder, isUpdate, low.withValue(value),
        low.withNext(slot, state.size()));
    Value afterLow = IndexedTreeGadget.updateLow(builder, state.root(), low, updatedLow, lowPath, enabled);
    LeafVars newLeaf = new LeafVars(slot, java.util.Optional.of(value), low.nextKey(), low.nextIndex());
    Value afterInsert = IndexedTreeGadget.fillEmptySlot(builder, afterLow, newLeaf, insertionPath, state.size(),
        isInsert);
    return new TreeSnapshot(afterInsert, state.size().plus(isInsert));
  }
}

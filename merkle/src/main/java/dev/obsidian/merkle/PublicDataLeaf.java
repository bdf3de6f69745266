package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import java.util.List;

/**
 * Public data tree leaf preimage [slot, value, nextSlot, nextIndex] (Aztec 4.1.2 PublicDataTreeLeafPreimage; the slot
 * is the leaf key).
 */
public record PublicDataLeaf(Fr slot, Fr value, Fr nextSlot, long nextIndex) implements IndexedLeaf {
  public static final PublicDataLeaf EMPTY = new PublicDataLeaf(Fr.ZERO, Fr.ZERO, Fr.ZERO, 0);

  public PublicDataLeaf {
    if (slot == null || value == null || nextSlot == null) {
      throw new IllegalArgumentException("slot, value and nextSlot must not be null");
    }
  }

  /** A write of {@code value} to {@code slot} before insertion. */
  public static PublicDataLeaf write(Fr slot, Fr value) {
    return new PublicDataLeaf(slot, value, Fr.ZERO, 0);
  }

  @Override
  public Fr key() {
    return slot;
  }

  @Override
  public Fr nextKey() {
    return nextSlot;
  }

  @Override
  public List<Fr> hashInputs() {
    return List.of(slot, value, nextSlot, IndexedLeaf.indexField(nextIndex));
  }

  @Override
  public PublicDataLeaf withNext(Fr nextKey, long nextIndex) {
    return new PublicDataLeaf(slot, value, nextKey, nextIndex);
  }

  /** This slot holding another value, successor unchanged (Aztec PublicDataTreeLeaf.updateTo). */
  public PublicDataLeaf withValue(Fr newValue) {
    return new PublicDataLeaf(slot, newValue, nextSlot, nextIndex);
  }

  @Override
  public boolean isEmpty() {
    return slot.isZero() && value.isZero();
  }
}

package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import java.util.List;

/** Nullifier tree leaf preimage [nullifier, nextNullifier, nextIndex] (Aztec 4.1.2 NullifierLeafPreimage). */
public record NullifierLeaf(Fr nullifier, Fr nextNullifier, long nextIndex) implements IndexedLeaf {
  public static final NullifierLeaf EMPTY = new NullifierLeaf(Fr.ZERO, Fr.ZERO, 0);

  public NullifierLeaf {
    if (nullifier == null || nextNullifier == null) {
      throw new IllegalArgumentException("nullifier and nextNullifier must not be null");
    }
  }

  /** A new nullifier before insertion: it does not point anywhere yet. */
  public static NullifierLeaf of(Fr nullifier) {
    return new NullifierLeaf(nullifier, Fr.ZERO, 0);
  }

  @Override
  public Fr key() {
    return nullifier;
  }

  @Override
  public Fr nextKey() {
    return nextNullifier;
  }

  @Override
  public List<Fr> hashInputs() {
    return List.of(nullifier, nextNullifier, IndexedLeaf.indexField(nextIndex));
  }

  @Override
  public NullifierLeaf withNext(Fr nextKey, long nextIndex) {
    return new NullifierLeaf(nullifier, nextKey, nextIndex);
  }

  @Override
  public boolean isEmpty() {
    return nullifier.isZero();
  }
}

package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import java.util.List;

/**
 * A leaf preimage of an indexed tree: a key, the next larger key in the tree and that key's leaf index (0 and 0 at the
 * end of the list). The leaf hash is Poseidon2 over {@link #hashInputs()} (Aztec 4.1.2 stdlib trees/nullifier_leaf.ts
 * and public_data_leaf.ts: {@code poseidon2Hash(toHashInputs())}).
 */
public sealed interface IndexedLeaf permits NullifierLeaf, PublicDataLeaf {
  /** The sort key: the nullifier, or the public data slot. */
  Fr key();

  Fr nextKey();

  /** Leaf index of {@link #nextKey()}; an unsigned 64-bit number. */
  long nextIndex();

  /** The preimage fields in Aztec's hash order. */
  List<Fr> hashInputs();

  /** This leaf pointing at another successor. */
  IndexedLeaf withNext(Fr nextKey, long nextIndex);

  /** Aztec's isEmpty: a padding entry that batch insertion skips. */
  boolean isEmpty();

  default Fr hash() {
    return Poseidon2.hash(hashInputs().toArray(Fr[]::new));
  }

  /** An unsigned leaf index as a field element. */
  static Fr indexField(long index) {
    return index >= 0 ? Fr.of(index) : Fr.fromBigInteger(new java.math.BigInteger(Long.toUnsignedString(index)));
  }
}

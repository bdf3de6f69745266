package dev.obsidian.circuits.rollup;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import dev.obsidian.crypto.protocol.Constants;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one tx does to the note hash, nullifier and public data trees (the tree part of Aztec's TxEffect), and the
 * Poseidon2 commitment to it the base rollup outputs.
 */
public record TxTreeEffects(List<Fr> noteHashes, List<Fr> nullifiers, List<PublicWrite> publicWrites) {
  /** At most 64 of each (Aztec 4.1.2's per-tx maxima, all 64). */
  public static final int MAX_PER_TX = Constants.MAX_NOTE_HASHES_PER_TX;

  /** A write of {@code value} to the public data tree's leaf slot {@code slot}; slot 0 is reserved for padding. */
  public record PublicWrite(Fr slot, Fr value) {
    public PublicWrite {
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(value, "value");
      if (slot.isZero()) {
        throw new IllegalArgumentException("public write slot 0 is the padding marker and cannot be written");
      }
    }
  }

  public TxTreeEffects {
    noteHashes = List.copyOf(noteHashes);
    nullifiers = List.copyOf(nullifiers);
    publicWrites = List.copyOf(publicWrites);
    requireAtMost("noteHashes", noteHashes.size());
    requireAtMost("nullifiers", nullifiers.size());
    requireAtMost("publicWrites", publicWrites.size());
    for (int i = 0; i < nullifiers.size(); i++) {
      if (nullifiers.get(i).isZero()) {
        throw new IllegalArgumentException("nullifiers[" + i + "] is 0, the padding marker");
      }
    }
  }

  /** The largest of the three counts: the smallest base rollup capacity that fits. */
  public int largestCount() {
    return Math.max(noteHashes.size(), Math.max(nullifiers.size(), publicWrites.size()));
  }

  /**
   * Poseidon2 hash of the 256 elements [noteHashes padded with 0 to 64, nullifiers padded to 64, (slot, value) of
   * the writes padded with (0, 0) to 64]: padded to the protocol maxima so it does not depend on the capacity
   * variant that proved the tx.
   */
  public Fr commitment() {
    return Poseidon2.hash(commitmentInputs().toArray(Fr[]::new));
  }

  List<Fr> commitmentInputs() {
    List<Fr> inputs = new ArrayList<>(4 * MAX_PER_TX);
    pad(inputs, noteHashes);
    pad(inputs, nullifiers);
    for (int i = 0; i < MAX_PER_TX; i++) {
      inputs.add(i < publicWrites.size() ? publicWrites.get(i).slot() : Fr.ZERO);
      inputs.add(i < publicWrites.size() ? publicWrites.get(i).value() : Fr.ZERO);
    }
    return inputs;
  }

  private static void pad(List<Fr> out, List<Fr> values) {
    out.addAll(values);
    for (int i = values.size(); i < MAX_PER_TX; i++) {
      out.add(Fr.ZERO);
    }
  }

  private static void requireAtMost(String field, int size) {
    if (size > MAX_PER_TX) {
      throw new IllegalArgumentException(field + " has " + size + " entries, more than " + MAX_PER_TX);
    }
  }
}

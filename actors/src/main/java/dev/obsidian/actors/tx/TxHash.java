package dev.obsidian.actors.tx;

import dev.obsidian.crypto.field.Fr;

/** A transaction's hash (see {@link Tx#hash()} for how it is computed). */
public record TxHash(Fr value) implements Comparable<TxHash> {
  public TxHash {
    Require.present(value, "txHash");
  }

  public static TxHash parse(String text) {
    return new TxHash(Fr.parse(text));
  }

  @Override
  public int compareTo(TxHash other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toHex();
  }
}

package dev.obsidian.circuits.gadgets;

import dev.obsidian.circuits.builder.CircuitBuilder;
import dev.obsidian.circuits.builder.Value;

/**
 * Insertion into an indexed tree (Aztec's nullifier and public data trees: leaves form a linked list sorted by key).
 * A new key is linked in after its low leaf, the leaf with the largest key below it, which the circuit checks by
 * {@code low.key < key} and ({@code key < low.nextKey} or {@code low.nextKey = 0}) on whole field elements.
 */
public final class IndexedTreeGadget {
  private IndexedTreeGadget() {}

  /** 1 if {@code low} may precede {@code key}: low.key &lt; key and (key &lt; low.nextKey or low.nextKey = 0). */
  public static Value isLowLeaf(CircuitBuilder builder, Value lowKey, Value lowNextKey, Value key) {
    FieldComparison.Limbs keyLimbs = FieldComparison.limbs(builder, key);
    Value above = FieldComparison.lessThan(builder, FieldComparison.limbs(builder, lowKey), keyLimbs);
    Value below = FieldComparison.lessThan(builder, keyLimbs, FieldComparison.limbs(builder, lowNextKey));
    Value last = builder.isZero(lowNextKey);
    return builder.and(above, builder.or(below, last));
  }

  /** Asserts {@code condition} (a boolean) holds whenever {@code enabled} (a boolean) is 1. */
  public static void assertWhen(CircuitBuilder builder, Value enabled, Value condition) {
    builder.assertProduct(enabled, Value.ONE.minus(condition), Value.ZERO);
  }

  /** Asserts a = b whenever {@code enabled} is 1. */
  public static void assertEqualWhen(CircuitBuilder builder, Value enabled, Value a, Value b) {
    builder.assertProduct(enabled, a.minus(b), Value.ZERO);
  }

  /**
   * Inserts a new key (not yet in the tree) at index {@code state.size}, as {@code merkle}'s sequential insertion:
   * the low leaf (proven in the current root) is pointed at the new leaf, then the new leaf, inheriting the low
   * leaf's successor, fills the empty slot at the end (proven empty in the updated root). Does nothing when
   * {@code enabled} is 0, and then asserts nothing.
   *
   * @param newLeaf the new leaf's key (and value); its next fields are ignored and taken from the low leaf
   */
  public static TreeSnapshot insert(CircuitBuilder builder, TreeSnapshot state, LeafVars newLeaf, LeafVars low,
      PathVars lowPath, PathVars insertionPath, Value enabled) {
    assertWhen(builder, enabled, isLowLeaf(builder, low.key(), low.nextKey(), newLeaf.key()));
    Value afterLow = updateLow(builder, state.root(), low, low.withNext(newLeaf.key(), state.size()), lowPath,
        enabled);
    Value afterInsert = fillEmptySlot(builder, afterLow, newLeaf.withNext(low.nextKey(), low.nextIndex()),
        insertionPath, state.size(), enabled);
    return new TreeSnapshot(afterInsert, state.size().plus(enabled));
  }

  /**
   * Proves {@code low} is at {@code path} in {@code root} (when enabled) and returns the root with {@code updated}
   * there (or {@code root} unchanged when not enabled).
   */
  public static Value updateLow(CircuitBuilder builder, Value root, LeafVars low, LeafVars updated, PathVars path,
      Value enabled) {
    assertEqualWhen(builder, enabled, path.root(builder, low.hash(builder)), root);
    return builder.select(enabled, path.root(builder, updated.hash(builder)), root);
  }

  /**
   * Proves the slot at {@code index} is empty in {@code root} (when enabled) and returns the root with the leaf
   * there; the path's index must be {@code index}.
   */
  public static Value fillEmptySlot(CircuitBuilder builder, Value root, LeafVars leaf, PathVars path, Value index,
      Value enabled) {
    builder.assertEqual(path.index(), index);
    assertEqualWhen(builder, enabled, path.root(builder, Value.ZERO), root);
    return builder.select(enabled, path.root(builder, leaf.hash(builder)), root);
  }
}

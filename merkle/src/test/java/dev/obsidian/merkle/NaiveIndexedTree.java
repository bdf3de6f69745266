package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test reference for an indexed tree's final state: it only remembers which key (and value) sits at which index and
 * derives every leaf's successor by sorting all keys, then hashes leaves as [key, (value,) nextKey, nextIndex] and
 * builds the root with {@link NaiveMerkle}. Empty slots hash to 0.
 */
final class NaiveIndexedTree {
  private final int height;
  private final boolean withValues;
  private final List<Fr[]> slots = new ArrayList<>(); // null = empty slot; else {key, value}

  NaiveIndexedTree(int height, boolean withValues, int prefill) {
    this.height = height;
    this.withValues = withValues;
    for (int i = 0; i < prefill; i++) {
      slots.add(new Fr[] {Fr.of(i), Fr.ZERO});
    }
  }

  int size() {
    return slots.size();
  }

  void appendEmpty() {
    slots.add(null);
  }

  void append(Fr key, Fr value) {
    slots.add(new Fr[] {key, value});
  }

  /** Sets the value of an existing key; returns false if the key is absent. */
  boolean update(Fr key, Fr value) {
    for (Fr[] slot : slots) {
      if (slot != null && slot[0].equals(key)) {
        slot[1] = value;
        return true;
      }
    }
    return false;
  }

  boolean contains(Fr key) {
    return slots.stream().anyMatch(slot -> slot != null && slot[0].equals(key));
  }

  Fr root() {
    TreeMap<Fr, Integer> byKey = new TreeMap<>();
    for (int i = 0; i < slots.size(); i++) {
      if (slots.get(i) != null) {
        byKey.put(slots.get(i)[0], i);
      }
    }
    List<Fr> hashes = new ArrayList<>();
    for (Fr[] slot : slots) {
      if (slot == null) {
        hashes.add(Fr.ZERO);
        continue;
      }
      Map.Entry<Fr, Integer> next = byKey.higherEntry(slot[0]);
      Fr nextKey = next == null ? Fr.ZERO : next.getKey();
      Fr nextIndex = next == null ? Fr.ZERO : Fr.of(next.getValue());
      hashes.add(
          withValues
              ? Poseidon2.hash(slot[0], slot[1], nextKey, nextIndex)
              : Poseidon2.hash(slot[0], nextKey, nextIndex));
    }
    return new NaiveMerkle(height, hashes).root();
  }
}

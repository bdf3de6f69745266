package dev.obsidian.circuits.gadgets;

import dev.obsidian.circuits.builder.CircuitBuilder;
import dev.obsidian.circuits.builder.Value;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.IndexedLeaf;
import dev.obsidian.merkle.PublicDataLeaf;
import java.util.Map;
import java.util.Optional;

/**
 * An indexed-tree leaf preimage in a circuit: a key, for public data a value, the next key and its index. Hashes as
 * {@code dev.obsidian.merkle.IndexedLeaf#hash}: Poseidon2 of [key, nextKey, nextIndex] (nullifier) or [slot, value,
 * nextSlot, nextIndex] (public data).
 */
public record LeafVars(Value key, Optional<Value> value, Value nextKey, Value nextIndex) {
  /** Declares the preimage as private inputs {@code prefix.key}, {@code prefix.value}, ... */
  public static LeafVars declare(CircuitBuilder builder, String prefix, boolean hasValue) {
    return new LeafVars(builder.privateInput(prefix + ".key"),
        hasValue ? Optional.of(builder.privateInput(prefix + ".value")) : Optional.empty(),
        builder.privateInput(prefix + ".nextKey"), builder.privateInput(prefix + ".nextIndex"));
  }

  /** The inputs {@link #declare} names, from a native leaf. */
  public static void put(Map<String, Fr> inputs, String prefix, IndexedLeaf leaf) {
    inputs.put(prefix + ".key", leaf.key());
    if (leaf instanceof PublicDataLeaf publicData) {
      inputs.put(prefix + ".value", publicData.value());
    }
    inputs.put(prefix + ".nextKey", leaf.nextKey());
    inputs.put(prefix + ".nextIndex", IndexedLeaf.indexField(leaf.nextIndex()));
  }

  public Value hash(CircuitBuilder builder) {
    return value.isPresent()
        ? Poseidon2Gadget.hash(builder, key, value.get(), nextKey, nextIndex)
        : Poseidon2Gadget.hash(builder, key, nextKey, nextIndex);
  }

  public LeafVars withNext(Value newNextKey, Value newNextIndex) {
    return new LeafVars(key, value, newNextKey, newNextIndex);
  }

  public LeafVars withValue(Value newValue) {
    return new LeafVars(key, Optional.of(newValue), nextKey, nextIndex);
  }

  /** Field by field: condition ? ifTrue : ifFalse. */
  public static LeafVars select(CircuitBuilder builder, Value condition, LeafVars ifTrue, LeafVars ifFalse) {
    Optional<Value> value = ifTrue.value.map(v -> builder.select(condition, v, ifFalse.value.orElseThrow()));
    return new LeafVars(builder.select(condition, ifTrue.key, ifFalse.key), value,
        builder.select(condition, ifTrue.nextKey, ifFalse.nextKey),
        builder.select(condition, ifTrue.nextIndex, ifFalse.nextIndex));
  }
}

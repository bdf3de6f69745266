package dev.obsidian.circuits.gadgets;

import dev.obsidian.circuits.builder.CircuitBuilder;
import dev.obsidian.circuits.builder.Value;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.IndexedLeaf;
import dev.obsidian.merkle.SiblingPath;
import java.util.Map;

/** A leaf index (as range-checked little-endian bits) and its sibling path, declared as private inputs. */
public record PathVars(Value index, Value[] indexBits, Value[] siblings) {
  /** Private inputs {@code prefix.index} and {@code prefix.siblings[0..height-1]}. */
  public static PathVars declare(CircuitBuilder builder, String prefix, int height) {
    Value index = builder.privateInput(prefix + ".index");
    Value[] siblings = builder.privateInputs(prefix + ".siblings", height);
    return new PathVars(index, MerkleGadget.indexBits(builder, index, height), siblings);
  }

  /** A path whose index is an already-known value (e.g. a tree's size): only the siblings are inputs. */
  public static PathVars declareAt(CircuitBuilder builder, String prefix, Value index, int height) {
    Value[] siblings = builder.privateInputs(prefix + ".siblings", height);
    return new PathVars(index, MerkleGadget.indexBits(builder, index, height), siblings);
  }

  public static void put(Map<String, Fr> inputs, String prefix, long index, SiblingPath path) {
    inputs.put(prefix + ".index", IndexedLeaf.indexField(index));
    putSiblings(inputs, prefix, path);
  }

  public static void putSiblings(Map<String, Fr> inputs, String prefix, SiblingPath path) {
    for (int level = 0; level < path.length(); level++) {
      inputs.put(prefix + ".siblings[" + level + "]", path.get(level));
    }
  }

  public Value root(CircuitBuilder builder, Value leaf) {
    return MerkleGadget.root(builder, leaf, indexBits, siblings);
  }
}

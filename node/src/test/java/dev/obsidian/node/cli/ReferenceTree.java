package dev.obsidian.node.cli;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import java.util.ArrayList;
import java.util.List;

/**
 * A second, deliberately plain implementation of an append-only Poseidon2 Merkle tree (empty leaves are
 * zero, as in Aztec), used to check the node's roots and sibling paths independently of the merkle module.
 */
final class ReferenceTree {

  private final int height;
  private final Fr[] emptyRoots;
  private final List<Fr> leaves = new ArrayList<>();

  ReferenceTree(int height) {
    this.height = height;
    this.emptyRoots = new Fr[height + 1];
    emptyRoots[0] = Fr.ZERO;
    for (int level = 0; level < height; level++) {
      emptyRoots[level + 1] = Poseidon2.hash2(emptyRoots[level], emptyRoots[level]);
    }
  }

  void append(Fr leaf) {
    leaves.add(leaf);
  }

  long indexOf(Fr leaf) {
    int index = leaves.indexOf(leaf);
    if (index < 0) {
      throw new AssertionError(leaf + " is not a leaf of the reference tree");
    }
    return index;
  }

  long size() {
    return leaves.size();
  }

  Fr root() {
    List<Fr> level = leaves;
    for (int depth = 0; depth < height; depth++) {
      level = parents(level, depth);
    }
    return level.isEmpty() ? emptyRoots[height] : level.get(0);
  }

  List<Fr> siblingPath(long index) {
    List<Fr> path = new ArrayList<>(height);
    List<Fr> level = leaves;
    long position = index;
    for (int depth = 0; depth < height; depth++) {
      long sibling = position ^ 1;
      path.add(sibling < level.size() ? level.get((int) sibling) : emptyRoots[depth]);
      level = parents(level, depth);
      position >>= 1;
    }
    return path;
  }

  private List<Fr> parents(List<Fr> level, int depth) {
    List<Fr> parents = new ArrayList<>((level.size() + 1) / 2);
    for (int i = 0; i < level.size(); i += 2) {
      Fr right = i + 1 < level.size() ? level.get(i + 1) : emptyRoots[depth];
      parents.add(Poseidon2.hash2(level.get(i), right));
    }
    return parents;
  }
}

package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A second, deliberately simple Merkle implementation for tests: the node at (level, index) is computed by plain
 * recursion over the full leaf list, with empty subtrees recognised only because all their leaves are absent, and
 * memoised per level so height-42 trees stay cheap. It shares nothing with the production code but Poseidon2.
 */
final class NaiveMerkle {
  private final int height;
  private final List<Fr> leaves;
  private final Map<String, Fr> memo = new HashMap<>();
  private final Map<Integer, Fr> emptyMemo = new HashMap<>();

  NaiveMerkle(int height, List<Fr> leaves) {
    this.height = height;
    this.leaves = new ArrayList<>(leaves);
  }

  Fr root() {
    return node(height, 0);
  }

  Fr node(int level, long index) {
    BigInteger firstLeaf = BigInteger.valueOf(index).shiftLeft(level);
    if (firstLeaf.compareTo(BigInteger.valueOf(leaves.size())) >= 0) {
      return empty(level);
    }
    if (level == 0) {
      return leaves.get((int) index);
    }
    String key = level + ":" + index;
    Fr cached = memo.get(key);
    if (cached == null) {
      cached = Poseidon2.hash2(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
      memo.put(key, cached);
    }
    return cached;
  }

  /** The path as a list of sibling nodes, computed from the node function. */
  List<Fr> siblingPath(long index) {
    List<Fr> path = new ArrayList<>();
    for (int level = 0; level < height; level++) {
      path.add(node(level, (index >> level) ^ 1));
    }
    return path;
  }

  private Fr empty(int level) {
    if (level == 0) {
      return Fr.ZERO;
    }
    Fr cached = emptyMemo.get(level);
    if (cached == null) {
      cached = Poseidon2.hash2(empty(level - 1), empty(level - 1));
      emptyMemo.put(level, cached);
    }
    return cached;
  }
}

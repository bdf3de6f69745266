package dev.obsidian.merkle;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import java.util.ArrayList;
import java.util.List;

/** Deterministic block contents for store tests: the same block number always yields the same tree operations. */
final class TestBlocks {
  private TestBlocks() {}

  /** Applies the content of {@code block} to a fork: note hashes, one tx of nullifiers, public writes, messages. */
  static void apply(WorldStateFork fork, long block, int nullifiersPerBlock) {
    fork.appendLeaves(TreeId.NOTE_HASH, values(block, 1, 64));
    fork.insertTxNullifiers(values(block, 2, nullifiersPerBlock));
    for (int i = 0; i < 4; i++) {
      // a small slot range so later blocks update slots written earlier
      fork.writePublicData(Fr.of(1000 + (block * 3 + i) % 11), Fr.of(block * 100 + i));
    }
    fork.appendLeaves(TreeId.L1_TO_L2_MESSAGE, values(block, 3, 16));
    fork.appendLeaves(TreeId.ARCHIVE, values(block, 4, 1));
  }

  /** Distinct pseudo-random field elements, distinct per (block, stream, i) and never in the prefill range. */
  static List<Fr> values(long block, int stream, int count) {
    List<Fr> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(Poseidon2.hash(Fr.of(block), Fr.of(stream), Fr.of(i)));
    }
    return values;
  }
}

package dev.obsidian.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.field.NonCanonicalEncodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitsTest {

  @Test
  void aFullAppendOnlyTreeRejectsMoreLeavesAndStaysUnchanged() {
    AppendOnlyTree tree = new AppendOnlyTree(3);
    tree.append(Collections.nCopies(7, Fr.ONE));
    Fr root = tree.root();
    TreeFullException full = assertThrows(TreeFullException.class, () -> tree.append(List.of(Fr.ONE, Fr.ONE)));
    assertTrue(full.getMessage().contains("room for 1"), full.getMessage());
    assertEquals(root, tree.root());
    tree.append(List.of(Fr.ONE));
    assertEquals(8, tree.size());
    assertThrows(TreeFullException.class, () -> tree.append(List.of(Fr.ONE)));
  }

  @Test
  void aFullIndexedTreeRejectsABatch() {
    TreeState tree = new TreeState(3, LeafKind.NULLIFIER, TreeBase.EMPTY);
    IndexedOps.prefill(tree, 4);
    List<IndexedLeaf> batch = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      batch.add(NullifierLeaf.of(Fr.of(100 + i)));
    }
    assertThrows(TreeFullException.class, () -> IndexedOps.validateBatch(tree, batch));
    IndexedOps.batchInsert(tree, batch.subList(0, 4), 2);
    assertEquals(8, tree.size());
    assertThrows(
        TreeFullException.class, () -> IndexedOps.sequentialInsert(tree, NullifierLeaf.of(Fr.of(7))));
  }

  @Test
  void heightsOutsideOneToSixtyFourAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new AppendOnlyTree(0));
    assertThrows(IllegalArgumentException.class, () -> new AppendOnlyTree(65));
    assertThrows(IllegalArgumentException.class, () -> AppendOnlyTree.emptyRoot(65));
  }

  @Test
  void aHeight64TreeUsesUnsignedIndices() {
    AppendOnlyTree tree = new AppendOnlyTree(64);
    tree.append(List.of(Fr.of(5), Fr.of(6), Fr.of(7)));
    NaiveMerkle reference = new NaiveMerkle(64, List.of(Fr.of(5), Fr.of(6), Fr.of(7)));
    assertEquals(reference.root(), tree.root());
    SiblingPath lastLeaf = tree.siblingPath(-1L); // index 2^64 - 1: the last leaf, in the right half
    assertEquals(reference.node(63, 0), lastLeaf.get(63), "its top sibling is the filled left half");
    assertEquals(AppendOnlyTree.emptyRoot(62), lastLeaf.get(62));
    assertEquals(reference.root(), lastLeaf.rootFrom(Fr.ZERO, -1L));
  }

  @Test
  void aPublicDataSlotTwiceInOneBatchIsRejected() {
    WorldStateFork fork = WorldStateFork.inMemoryGenesis();
    TreeInfo before = fork.treeInfo(TreeId.PUBLIC_DATA);
    List<PublicDataLeaf> writes =
        List.of(PublicDataLeaf.write(Fr.of(500), Fr.ONE), PublicDataLeaf.write(Fr.of(500), Fr.of(2)));
    assertThrows(DuplicateLeafKeyException.class, () -> fork.batchInsert(TreeId.PUBLIC_DATA, writes, 1));
    assertEquals(before, fork.treeInfo(TreeId.PUBLIC_DATA));
  }

  @Test
  void leavesMustFitTheTree() {
    WorldStateFork fork = WorldStateFork.inMemoryGenesis();
    assertThrows(IllegalArgumentException.class, () -> fork.appendLeaves(TreeId.NULLIFIER, List.of(Fr.ONE)));
    assertThrows(
        IllegalArgumentException.class,
        () -> fork.batchInsert(TreeId.NULLIFIER, List.of(PublicDataLeaf.write(Fr.ONE, Fr.ONE)), 0));
    assertThrows(IllegalArgumentException.class, () -> fork.batchInsert(TreeId.NOTE_HASH, List.of(), 0));
    assertThrows(
        IllegalArgumentException.class, () -> fork.insertTxNullifiers(Collections.nCopies(65, Fr.ONE)));
    assertThrows(IllegalArgumentException.class, () -> fork.leafHash(TreeId.NOTE_HASH, 0));
  }

  @Test
  void aStoredValueAtOrAboveTheModulusIsReportedAsCorruption() {
    byte[] encoded = LeafKind.NULLIFIER.encode(NullifierLeaf.of(Fr.ONE));
    byte[] modulus = toBytes32(Fr.MODULUS);
    System.arraycopy(modulus, 0, encoded, 32, 32);
    StoreException corrupt = assertThrows(StoreException.class, () -> LeafKind.NULLIFIER.decode(encoded));
    assertInstanceOf(NonCanonicalEncodingException.class, corrupt.getCause());
  }

  private static byte[] toBytes32(java.math.BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    System.arraycopy(raw, Math.max(0, raw.length - 32), out, Math.max(0, 32 - raw.length), Math.min(32, raw.length));
    return out;
  }
}

package dev.obsidian.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class IndexedTreePropertyTest {
  private static final int PREFILL = 128;

  @Property(tries = 25)
  void nullifierBatchesMatchTheReferenceAndKeepTheListSorted(@ForAll("nullifierBatches") List<List<Fr>> batches) {
    WorldStateFork fork = WorldStateFork.inMemoryGenesis();
    NaiveIndexedTree reference = new NaiveIndexedTree(42, false, PREFILL);
    for (List<Fr> batch : batches) {
      if (isRejected(batch, reference)) {
        TreeInfo before = fork.treeInfo(TreeId.NULLIFIER);
        assertThrows(DuplicateNullifierException.class, () -> fork.insertTxNullifiers(batch));
        assertEquals(before, fork.treeInfo(TreeId.NULLIFIER), "a rejected batch must leave the tree unchanged");
        continue;
      }
      BatchInsertionResult result = fork.insertTxNullifiers(batch);
      for (int i = 0; i < 64; i++) {
        if (i < batch.size() && !batch.get(i).isZero()) {
          reference.append(batch.get(i), Fr.ZERO);
        } else {
          reference.appendEmpty();
        }
      }
      assertEquals(reference.root(), fork.treeInfo(TreeId.NULLIFIER).root());
      assertEquals(reference.size(), fork.treeInfo(TreeId.NULLIFIER).size());
      checkLowLeaves(result);
      checkSortedDescending(result);
      checkLinkedList(fork, TreeId.NULLIFIER);
    }
  }

  @Property(tries = 25)
  void publicDataWritesMatchTheReference(@ForAll("writes") List<Fr[]> writes) {
    WorldStateFork fork = WorldStateFork.inMemoryGenesis();
    NaiveIndexedTree reference = new NaiveIndexedTree(40, true, PREFILL);
    for (Fr[] write : writes) {
      SequentialInsertionResult result = fork.writePublicData(write[0], write[1]);
      boolean existed = reference.update(write[0], write[1]);
      if (!existed) {
        reference.append(write[0], write[1]);
      }
      assertEquals(existed, result.updatedInPlace());
      checkLowLeaf(result.lowLeafWitness(), write[0], existed);
      assertEquals(reference.root(), fork.treeInfo(TreeId.PUBLIC_DATA).root());
    }
    checkLinkedList(fork, TreeId.PUBLIC_DATA);
  }

  @Property(tries = 25)
  void nonMembershipWitnessesBracketTheKey(@ForAll("bigKeys") List<Fr> inserted, @ForAll("bigKeys") List<Fr> probes) {
    WorldStateFork fork = WorldStateFork.inMemoryGenesis();
    List<Fr> fresh = inserted.stream().filter(key -> key.compareTo(Fr.of(PREFILL)) >= 0).distinct().toList();
    fork.insertTxNullifiers(fresh);
    Fr root = fork.treeInfo(TreeId.NULLIFIER).root();
    for (Fr probe : probes) {
      LeafWitness low = fork.lowLeafWitness(TreeId.NULLIFIER, probe);
      assertEquals(root, low.path().rootFrom(low.leaf().hash(), low.index()), "witness proves against the root");
      if (low.leaf().key().equals(probe)) {
        assertTrue(fork.membershipWitness(TreeId.NULLIFIER, probe).isPresent());
      } else {
        checkLowLeaf(low, probe, false);
        assertTrue(fork.membershipWitness(TreeId.NULLIFIER, probe).isEmpty());
      }
    }
  }

  private static boolean isRejected(List<Fr> batch, NaiveIndexedTree reference) {
    Set<Fr> seen = new HashSet<>();
    for (Fr nullifier : batch) {
      if (!nullifier.isZero() && (!seen.add(nullifier) || reference.contains(nullifier))) {
        return true;
      }
    }
    return false;
  }

  private static void checkLowLeaves(BatchInsertionResult result) {
    for (int position = 0; position < result.sortedNewLeaves().size(); position++) {
      IndexedLeaf leaf = result.sortedNewLeaves().get(position);
      if (!leaf.isEmpty()) {
        checkLowLeaf(result.lowLeafWitnesses().get(position), leaf.key(), false);
      }
    }
  }

  /** low.key < v and (v < low.nextKey or low.nextKey = 0); for an update, low.key = v. */
  private static void checkLowLeaf(LeafWitness low, Fr key, boolean updates) {
    IndexedLeaf leaf = low.leaf();
    if (updates) {
      assertEquals(key, leaf.key());
      return;
    }
    assertTrue(leaf.key().compareTo(key) < 0, "low key " + leaf.key() + " must be below " + key);
    assertTrue(
        leaf.nextKey().isZero() || key.compareTo(leaf.nextKey()) < 0,
        "next key " + leaf.nextKey() + " must be above " + key + " or 0");
  }

  private static void checkSortedDescending(BatchInsertionResult result) {
    List<IndexedLeaf> sorted = result.sortedNewLeaves();
    for (int i = 1; i < sorted.size(); i++) {
      assertTrue(sorted.get(i - 1).key().compareTo(sorted.get(i).key()) >= 0);
    }
  }

  /** Walks the list from leaf 0: keys strictly increase, every stored leaf is visited once, the end points at 0. */
  private static void checkLinkedList(WorldStateFork fork, TreeId tree) {
    long size = fork.treeInfo(tree).size();
    long stored = 0;
    for (long i = 0; i < size; i++) {
      if (fork.indexedLeaf(tree, i).isPresent()) {
        stored++;
      }
    }
    IndexedLeaf current = fork.indexedLeaf(tree, 0).orElseThrow();
    long visited = 1;
    while (!current.nextKey().isZero()) {
      IndexedLeaf next = fork.indexedLeaf(tree, current.nextIndex()).orElseThrow();
      assertEquals(current.nextKey(), next.key());
      assertTrue(current.key().compareTo(next.key()) < 0);
      current = next;
      visited++;
    }
    assertEquals(0, current.nextIndex());
    assertEquals(stored, visited);
  }

  @Provide
  Arbitrary<List<List<Fr>>> nullifierBatches() {
    Arbitrary<Fr> small = Arbitraries.integers().between(0, 300).map(Fr::of);
    Arbitrary<Fr> big = bigKey();
    Arbitrary<Fr> nullifier = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, small), net.jqwik.api.Tuple.of(4, big), net.jqwik.api.Tuple.of(1, Arbitraries.just(Fr.ZERO)));
    return nullifier.list().ofMaxSize(64).list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<Fr[]>> writes() {
    Arbitrary<Fr> slot = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 200).map(Fr::of)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(Fr.of(1000), Fr.of(2000), Fr.of(3000))),
        net.jqwik.api.Tuple.of(2, bigKey()));
    Arbitrary<Fr> value = Arbitraries.longs().map(Fr::of);
    return net.jqwik.api.Combinators.combine(slot, value).as((s, v) -> new Fr[] {s, v}).list().ofMaxSize(30);
  }

  @Provide
  Arbitrary<List<Fr>> bigKeys() {
    return bigKey().list().ofMaxSize(40);
  }

  private static Arbitrary<Fr> bigKey() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.ONE, Fr.MODULUS.subtract(BigInteger.ONE))
        .map(Fr::fromBigInteger);
  }
}

package dev.obsidian.circuits.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.circuits.CircuitCheck;
import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.circuits.ir.Interpreter;
import dev.obsidian.circuits.ir.Oracles;
import dev.obsidian.circuits.ir.R1csCompiler;
import dev.obsidian.circuits.ir.UnsatisfiedConstraintException;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.merkle.WorldStateFork;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The base rollup against the native trees: a second fork gets the same effects applied the way BlockBuilder does
 * (insertTxNullifiers, appendLeaves padded to 64, writePublicData), and the circuit's end snapshots must equal it.
 */
class BaseRollupTest {
  private static final int CAPACITY = 2;
  private static final Circuit CIRCUIT = BaseRollupCircuit.build(CAPACITY);

  @Property(tries = 2)
  void endSnapshotsAndCommitmentMatchTheNativeTrees(@ForAll long seed) {
    Random random = new Random(seed);
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis();
        WorldStateFork reference = WorldStateFork.inMemoryGenesis()) {
      List<Fr> slotsWritten = new ArrayList<>();
      for (int tx = 0; tx < 2; tx++) {
        TxTreeEffects effects = randomEffects(random, slotsWritten);
        Map<String, Fr> inputs = BaseRollupWitness.apply(fork, effects, CAPACITY);
        applyLikeBlockBuilder(reference, effects);
        Fr[] witness = tx == 0 ? CircuitCheck.solveAndCheck(CIRCUIT, inputs)
            : Interpreter.solve(CIRCUIT, inputs, Oracles.standard());
        Map<String, Fr> outputs = Interpreter.outputs(CIRCUIT, witness);
        assertSnapshot(outputs, "end.noteHash", reference.treeInfo(TreeId.NOTE_HASH));
        assertSnapshot(outputs, "end.nullifier", reference.treeInfo(TreeId.NULLIFIER));
        assertSnapshot(outputs, "end.publicData", reference.treeInfo(TreeId.PUBLIC_DATA));
        assertEquals(effects.commitment(), outputs.get("effectsCommitment"));
      }
    }
  }

  @Test
  void theCapacity8VariantGivesTheSameRootsAsTheNativeTrees() {
    Circuit circuit = BaseRollupCircuit.build(8, false);
    Random random = new Random(8);
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis();
        WorldStateFork reference = WorldStateFork.inMemoryGenesis()) {
      List<Fr> slots = new ArrayList<>();
      for (int tx = 0; tx < 2; tx++) {
        List<TxTreeEffects.PublicWrite> writes = new ArrayList<>();
        for (int k = 0; k < 3 + tx; k++) {
          Fr slot = tx == 1 && k == 0 ? slots.get(0) : randomFr(random); // tx 1 updates a slot of tx 0
          slots.add(slot);
          writes.add(new TxTreeEffects.PublicWrite(slot, randomFr(random)));
        }
        List<Fr> nullifiers = new ArrayList<>();
        for (int i = 0; i < 5 + 3 * tx; i++) {
          nullifiers.add(randomFr(random));
        }
        TxTreeEffects effects = new TxTreeEffects(List.of(randomFr(random), randomFr(random), randomFr(random)),
            nullifiers, writes);
        Map<String, Fr> inputs = BaseRollupWitness.apply(fork, effects, 8);
        applyLikeBlockBuilder(reference, effects);
        Map<String, Fr> outputs = Interpreter.outputs(circuit, Interpreter.solve(circuit, inputs,
            Oracles.standard()));
        assertSnapshot(outputs, "end.noteHash", reference.treeInfo(TreeId.NOTE_HASH));
        assertSnapshot(outputs, "end.nullifier", reference.treeInfo(TreeId.NULLIFIER));
        assertSnapshot(outputs, "end.publicData", reference.treeInfo(TreeId.PUBLIC_DATA));
        assertEquals(effects.commitment(), outputs.get("effectsCommitment"));
      }
    }
  }

  @Test
  void refusesANullifierThatIsNotTheOneTheWitnessInserted() {
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      TxTreeEffects effects = new TxTreeEffects(List.of(Fr.of(11)), List.of(Fr.of(1_000_003), Fr.of(999_999)),
          List.of(new TxTreeEffects.PublicWrite(Fr.of(77), Fr.of(5))));
      Map<String, Fr> inputs = BaseRollupWitness.apply(fork, effects, CAPACITY);
      Interpreter.solve(CIRCUIT, inputs, Oracles.standard());
      Map<String, Fr> forged = new HashMap<>(inputs);
      forged.put("nullifiers[1]", Fr.of(2_000_000)); // after 1_000_003: the low leaf given no longer precedes it
      UnsatisfiedConstraintException failure = assertThrows(UnsatisfiedConstraintException.class,
          () -> Interpreter.solve(CIRCUIT, forged, Oracles.standard()));
      assertTrue(failure.location().contains("[nullifiers/"), failure.getMessage());
    }
  }

  @Test
  void refusesANullifierAlreadyInTheTree() {
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      TxTreeEffects effects = new TxTreeEffects(List.of(), List.of(Fr.of(1_000_003)), List.of());
      Map<String, Fr> first = BaseRollupWitness.apply(fork, effects, CAPACITY);
      // the same tx's witness replayed on the state after it: every low-leaf proof is against the old root
      Map<String, Fr> replay = new HashMap<>(first);
      TreeInfo after = fork.treeInfo(TreeId.NULLIFIER);
      replay.put("start.nullifier.root", after.root());
      replay.put("start.nullifier.size", Fr.of(after.size()));
      replay.put("nullifier.subtreeIndex", Fr.of(after.size() / 64));
      assertThrows(UnsatisfiedConstraintException.class, () -> Interpreter.solve(CIRCUIT, replay,
          Oracles.standard()));
      // and the honest low leaf of a nullifier already present is its own leaf, which low.key < key refuses
      assertThrows(dev.obsidian.merkle.DuplicateNullifierException.class,
          () -> BaseRollupWitness.apply(fork, effects, CAPACITY));
    }
  }

  @Test
  void refusesAnOrderThatIsNotAPermutation() {
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      TxTreeEffects effects = new TxTreeEffects(List.of(), List.of(Fr.of(5_000_000), Fr.of(6_000_000)), List.of());
      Map<String, Fr> inputs = new HashMap<>(BaseRollupWitness.apply(fork, effects, CAPACITY));
      // both steps insert the same position: the other nullifier would never be inserted
      inputs.put("nullifiers.order[0][0]", Fr.ONE);
      inputs.put("nullifiers.order[0][1]", Fr.ZERO);
      inputs.put("nullifiers.order[1][0]", Fr.ONE);
      inputs.put("nullifiers.order[1][1]", Fr.ZERO);
      assertThrows(UnsatisfiedConstraintException.class, () -> Interpreter.solve(CIRCUIT, inputs,
          Oracles.standard()));
    }
  }

  @Test
  void printsConstraintCounts() {
    System.out.println(CIRCUIT.name() + ": " + R1csCompiler.constraintCount(CIRCUIT) + " constraints, "
        + R1csCompiler.wireCount(CIRCUIT) + " wires, " + CIRCUIT.publicWitnesses().length + " public");
  }

  private static TxTreeEffects randomEffects(Random random, List<Fr> slotsWritten) {
    List<Fr> noteHashes = new ArrayList<>();
    List<Fr> nullifiers = new ArrayList<>();
    List<TxTreeEffects.PublicWrite> writes = new ArrayList<>();
    for (int i = 0, n = random.nextInt(CAPACITY + 1); i < n; i++) {
      noteHashes.add(randomFr(random));
    }
    for (int i = 0, n = 1 + random.nextInt(CAPACITY); i < n; i++) {
      nullifiers.add(randomFr(random));
    }
    for (int i = 0, n = random.nextInt(CAPACITY + 1); i < n; i++) {
      boolean update = !slotsWritten.isEmpty() && random.nextBoolean();
      Fr slot = update ? slotsWritten.get(random.nextInt(slotsWritten.size())) : randomFr(random);
      if (writes.stream().anyMatch(write -> write.slot().equals(slot))) {
        continue;
      }
      slotsWritten.add(slot);
      writes.add(new TxTreeEffects.PublicWrite(slot, randomFr(random)));
    }
    return new TxTreeEffects(noteHashes, nullifiers, writes);
  }

  private static void applyLikeBlockBuilder(WorldStateFork fork, TxTreeEffects effects) {
    fork.insertTxNullifiers(effects.nullifiers());
    List<Fr> noteHashes = new ArrayList<>(effects.noteHashes());
    noteHashes.addAll(Collections.nCopies(64 - noteHashes.size(), Fr.ZERO));
    fork.appendLeaves(TreeId.NOTE_HASH, noteHashes);
    for (TxTreeEffects.PublicWrite write : effects.publicWrites()) {
      fork.writePublicData(write.slot(), write.value());
    }
  }

  private static void assertSnapshot(Map<String, Fr> outputs, String prefix, TreeInfo expected) {
    assertEquals(expected.root(), outputs.get(prefix + ".root"), prefix + ".root");
    assertEquals(Fr.of(expected.size()), outputs.get(prefix + ".size"), prefix + ".size");
  }

  private static Fr randomFr(Random random) {
    return Fr.reduce(new BigInteger(300, random));
  }
}

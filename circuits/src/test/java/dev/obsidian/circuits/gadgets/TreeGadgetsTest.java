package dev.obsidian.circuits.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.circuits.CircuitCheck;
import dev.obsidian.circuits.builder.CircuitBuilder;
import dev.obsidian.circuits.builder.Value;
import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.circuits.ir.Interpreter;
import dev.obsidian.circuits.ir.Oracles;
import dev.obsidian.circuits.ir.R1csCompiler;
import dev.obsidian.circuits.ir.UnsatisfiedConstraintException;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.AppendOnlyTree;
import dev.obsidian.merkle.IndexedLeaf;
import dev.obsidian.merkle.SequentialInsertionResult;
import dev.obsidian.merkle.SiblingPath;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.merkle.WorldStateFork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Merkle, indexed-tree and public data gadgets against dev.obsidian.merkle's trees. */
class TreeGadgetsTest {
  private static final int SMALL_HEIGHT = 10;
  private static final Circuit MEMBERSHIP = membershipCircuit();
  private static final Circuit APPEND_SUBTREE = appendSubtreeCircuit();
  private static final Circuit NULLIFIER_INSERT = indexedInsertCircuit();
  private static final Circuit PUBLIC_DATA_WRITE = publicDataWriteCircuit();

  private static Circuit membershipCircuit() {
    CircuitBuilder builder = new CircuitBuilder();
    Value root = builder.publicInput("root");
    Value leaf = builder.privateInput("leaf");
    PathVars path = PathVars.declare(builder, "path", SMALL_HEIGHT);
    builder.assertEqual(path.root(builder, leaf), root);
    return builder.build("merkle-membership-" + SMALL_HEIGHT);
  }

  private static Circuit appendSubtreeCircuit() {
    CircuitBuilder builder = new CircuitBuilder();
    Value oldRoot = builder.publicInput("oldRoot");
    Value subtreeIndex = builder.publicInput("subtreeIndex");
    Value[] leaves = builder.privateInputs("leaves", 8);
    Value[] siblings = builder.privateInputs("siblings", SMALL_HEIGHT - 3);
    Value[] bits = builder.toBits(subtreeIndex, SMALL_HEIGHT - 3);
    builder.publicOutput("newRoot", MerkleGadget.appendSubtree(builder, oldRoot, leaves, bits, siblings));
    return builder.build("append-subtree");
  }

  private static Circuit indexedInsertCircuit() {
    CircuitBuilder builder = new CircuitBuilder();
    TreeSnapshot start = new TreeSnapshot(builder.publicInput("start.root"), builder.publicInput("start.size"));
    Value key = builder.publicInput("key");
    int height = TreeId.NULLIFIER.height();
    LeafVars low = LeafVars.declare(builder, "low", false);
    PathVars lowPath = PathVars.declare(builder, "lowPath", height);
    PathVars insertion = PathVars.declareAt(builder, "insertion", start.size(), height);
    TreeSnapshot end = IndexedTreeGadget.insert(builder, start, new LeafVars(key, Optional.empty(), Value.ZERO,
        Value.ZERO), low, lowPath, insertion, Value.ONE);
    builder.publicOutput("end.root", end.root());
    builder.publicOutput("end.size", end.size());
    return builder.build("nullifier-insert");
  }

  private static Circuit publicDataWriteCircuit() {
    CircuitBuilder builder = new CircuitBuilder();
    TreeSnapshot start = new TreeSnapshot(builder.publicInput("start.root"), builder.publicInput("start.size"));
    Value slot = builder.publicInput("slot");
    Value value = builder.publicInput("value");
    int height = TreeId.PUBLIC_DATA.height();
    LeafVars low = LeafVars.declare(builder, "low", true);
    PathVars lowPath = PathVars.declare(builder, "lowPath", height);
    PathVars insertion = PathVars.declareAt(builder, "insertion", start.size(), height);
    TreeSnapshot end = PublicDataGadget.write(builder, start, slot, value, low, lowPath, insertion);
    builder.publicOutput("end.root", end.root());
    builder.publicOutput("end.size", end.size());
    return builder.build("public-data-write");
  }

  private static Fr randomFr(Random random) {
    return Poseidon2GadgetTest.randomFr(random);
  }

  @Property(tries = 10)
  void membershipMatchesTheNativeTree(@ForAll long seed) {
    Random random = new Random(seed);
    AppendOnlyTree tree = new AppendOnlyTree(SMALL_HEIGHT);
    List<Fr> leaves = new ArrayList<>();
    for (int i = 0, n = 1 + random.nextInt(40); i < n; i++) {
      leaves.add(randomFr(random));
    }
    tree.append(leaves);
    int index = random.nextInt(leaves.size());
    Map<String, Fr> inputs = new HashMap<>();
    inputs.put("root", tree.root());
    inputs.put("leaf", leaves.get(index));
    PathVars.put(inputs, "path", index, tree.siblingPath(index));
    CircuitCheck.solveAndCheck(MEMBERSHIP, inputs);
    // a leaf that is not there, or the right leaf at another index, is refused
    inputs.put("leaf", leaves.get(index).add(Fr.ONE));
    assertThrows(UnsatisfiedConstraintException.class, () -> Interpreter.solve(MEMBERSHIP, inputs,
        Oracles.standard()));
    inputs.put("leaf", leaves.get(index));
    inputs.put("path.index", Fr.of(index ^ 1));
    assertThrows(UnsatisfiedConstraintException.class, () -> Interpreter.solve(MEMBERSHIP, inputs,
        Oracles.standard()));
  }

  @Property(tries = 10)
  void appendingASubtreeMatchesTheNativeTree(@ForAll long seed) {
    Random random = new Random(seed);
    AppendOnlyTree tree = new AppendOnlyTree(SMALL_HEIGHT);
    int subtreeIndex = random.nextInt(10);
    tree.append(Collections.nCopies(8 * subtreeIndex, Fr.of(7)));
    Fr oldRoot = tree.root();
    SiblingPath above = tree.siblingPath(tree.size()).aboveSubtree(3);
    Map<String, Fr> inputs = new HashMap<>();
    List<Fr> leaves = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      leaves.add(random.nextInt(4) == 0 ? Fr.ZERO : randomFr(random));
      inputs.put("leaves[" + i + "]", leaves.get(i));
    }
    tree.append(leaves);
    inputs.put("oldRoot", oldRoot);
    inputs.put("subtreeIndex", Fr.of(subtreeIndex));
    for (int level = 0; level < above.length(); level++) {
      inputs.put("siblings[" + level + "]", above.get(level));
    }
    Fr[] witness = CircuitCheck.solveAndCheck(APPEND_SUBTREE, inputs);
    Fr[] publics = R1csCompiler.compile(APPEND_SUBTREE).publicInputs(witness);
    assertEquals(tree.root(), publics[2]);
    // the slot is not empty any more: appending there again is refused
    inputs.put("oldRoot", tree.root());
    assertThrows(UnsatisfiedConstraintException.class, () -> Interpreter.solve(APPEND_SUBTREE, inputs,
        Oracles.standard()));
  }

  @Property(tries = 3)
  void nullifierInsertionMatchesTheNativeTree(@ForAll long seed) {
    Random random = new Random(seed);
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      List<Fr> existing = new ArrayList<>();
      for (int i = 0, n = random.nextInt(5); i < n; i++) {
        existing.add(randomFr(random));
        fork.insertNullifier(existing.get(i));
      }
      Fr key = random.nextInt(3) == 0 && !existing.isEmpty()
          ? existing.get(0).add(Fr.ONE) // right after an existing key: the low leaf is that key
          : randomFr(random);
      TreeInfo start = fork.treeInfo(TreeId.NULLIFIER);
      SequentialInsertionResult result = fork.insertNullifier(key);
      TreeInfo end = fork.treeInfo(TreeId.NULLIFIER);
      Map<String, Fr> inputs = insertInputs(start, key, result);
      Fr[] witness = CircuitCheck.solveAndCheck(NULLIFIER_INSERT, inputs);
      Fr[] publics = R1csCompiler.compile(NULLIFIER_INSERT).publicInputs(witness);
      assertEquals(end.root(), publics[3]);
      assertEquals(Fr.of(end.size()), publics[4]);
      // inserting it again: the only candidate low leaf is the key's own leaf, and low.key < key fails
      SequentialInsertionResult again = new SequentialInsertionResult(
          fork.lowLeafWitness(TreeId.NULLIFIER, key), result.insertionWitness());
      UnsatisfiedConstraintException duplicate = assertThrows(UnsatisfiedConstraintException.class,
          () -> Interpreter.solve(NULLIFIER_INSERT, insertInputs(end, key, again), Oracles.standard()));
      assertTrue(duplicate.location().contains("IndexedTreeGadget.insert"), duplicate.getMessage());
    }
  }

  @Test
  void aLowLeafThatSkipsAKeyIsRefused() {
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      Fr big = Fr.of(1_000_000);
      fork.insertNullifier(big);
      Fr key = Fr.of(2_000_000);
      TreeInfo start = fork.treeInfo(TreeId.NULLIFIER);
      // the prefilled leaf 127 is below key, but its successor (1_000_000) is too: it is not key's low leaf
      var wrongLow = fork.lowLeafWitness(TreeId.NULLIFIER, Fr.of(500));
      SequentialInsertionResult honest = fork.insertNullifier(key);
      SequentialInsertionResult forged = new SequentialInsertionResult(wrongLow, honest.insertionWitness());
      assertThrows(UnsatisfiedConstraintException.class,
          () -> Interpreter.solve(NULLIFIER_INSERT, insertInputs(start, key, forged), Oracles.standard()));
    }
  }

  private static Map<String, Fr> insertInputs(TreeInfo start, Fr key, SequentialInsertionResult result) {
    Map<String, Fr> inputs = new HashMap<>();
    inputs.put("start.root", start.root());
    inputs.put("start.size", Fr.of(start.size()));
    inputs.put("key", key);
    LeafVars.put(inputs, "low", result.lowLeafWitness().leaf());
    PathVars.put(inputs, "lowPath", result.lowLeafWitness().index(), result.lowLeafWitness().path());
    PathVars.putSiblings(inputs, "insertion", result.insertionWitness().orElseThrow().path());
    return inputs;
  }

  @Property(tries = 3)
  void publicDataUpdateOrInsertMatchesTheNativeTree(@ForAll long seed) {
    Random random = new Random(seed);
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      List<Fr> slots = new ArrayList<>();
      for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
        slots.add(randomFr(random));
        fork.writePublicData(slots.get(i), randomFr(random));
      }
      boolean update = random.nextBoolean();
      Fr slot = update ? slots.get(random.nextInt(slots.size())) : randomFr(random);
      Fr value = randomFr(random);
      TreeInfo start = fork.treeInfo(TreeId.PUBLIC_DATA);
      SequentialInsertionResult result = fork.writePublicData(slot, value);
      assertEquals(update, result.updatedInPlace());
      TreeInfo end = fork.treeInfo(TreeId.PUBLIC_DATA);
      Map<String, Fr> inputs = writeInputs(start, slot, value, result);
      Fr[] publics = R1csCompiler.compile(PUBLIC_DATA_WRITE).publicInputs(
          CircuitCheck.solveAndCheck(PUBLIC_DATA_WRITE, inputs));
      assertEquals(end.root(), publics[4]);
      assertEquals(Fr.of(end.size()), publics[5]);
      // claiming another end state, or another value than the one written, is refused
      inputs.put("value", value.add(Fr.ONE));
      Fr[] other = Interpreter.solve(PUBLIC_DATA_WRITE, inputs, Oracles.standard());
      assertTrue(!R1csCompiler.compile(PUBLIC_DATA_WRITE).publicInputs(other)[4].equals(end.root()));
    }
  }

  @Test
  void aPaddingWriteChangesNothingAndMustHaveValueZero() {
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      TreeInfo start = fork.treeInfo(TreeId.PUBLIC_DATA);
      Map<String, Fr> inputs = new HashMap<>();
      inputs.put("start.root", start.root());
      inputs.put("start.size", Fr.of(start.size()));
      inputs.put("slot", Fr.ZERO);
      inputs.put("value", Fr.ZERO);
      LeafVars.put(inputs, "low", dev.obsidian.merkle.PublicDataLeaf.EMPTY);
      SiblingPath zeros = new SiblingPath(Collections.nCopies(TreeId.PUBLIC_DATA.height(), Fr.ZERO));
      PathVars.put(inputs, "lowPath", 0, zeros);
      PathVars.putSiblings(inputs, "insertion", zeros);
      Fr[] publics = R1csCompiler.compile(PUBLIC_DATA_WRITE).publicInputs(
          CircuitCheck.solveAndCheck(PUBLIC_DATA_WRITE, inputs));
      assertEquals(start.root(), publics[4]);
      assertEquals(Fr.of(start.size()), publics[5]);
      inputs.put("value", Fr.ONE);
      assertThrows(UnsatisfiedConstraintException.class,
          () -> Interpreter.solve(PUBLIC_DATA_WRITE, inputs, Oracles.standard()));
    }
  }

  private static Map<String, Fr> writeInputs(TreeInfo start, Fr slot, Fr value, SequentialInsertionResult result) {
    Map<String, Fr> inputs = new HashMap<>();
    inputs.put("start.root", start.root());
    inputs.put("start.size", Fr.of(start.size()));
    inputs.put("slot", slot);
    inputs.put("value", value);
    IndexedLeaf low = result.lowLeafWitness().leaf();
    LeafVars.put(inputs, "low", low);
    PathVars.put(inputs, "lowPath", result.lowLeafWitness().index(), result.lowLeafWitness().path());
    SiblingPath insertion = result.insertionWitness().map(w -> w.path())
        .orElse(new SiblingPath(Collections.nCopies(TreeId.PUBLIC_DATA.height(), Fr.ZERO)));
    PathVars.putSiblings(inputs, "insertion", insertion);
    return inputs;
  }

  @Test
  void printsGadgetConstraintCounts() {
    for (Circuit circuit : List.of(MEMBERSHIP, APPEND_SUBTREE, NULLIFIER_INSERT, PUBLIC_DATA_WRITE)) {
      System.out.println(circuit.name() + ": " + R1csCompiler.constraintCount(circuit) + " constraints, "
          + R1csCompiler.wireCount(circuit) + " wires");
    }
  }
}

package dev.obsidian.circuits.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.circuits.CircuitCheck;
import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.circuits.ir.CircuitIo;
import dev.obsidian.circuits.ir.Interpreter;
import dev.obsidian.circuits.ir.Oracles;
import dev.obsidian.circuits.ir.R1csCompiler;
import dev.obsidian.circuits.ir.UnsatisfiedConstraintException;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import dev.obsidian.crypto.protocol.Constants;
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
import org.junit.jupiter.api.Test;

/**
 * The block root against an independent computation: a second fork applies the effects, messages and header the
 * way BlockBuilder does (the header hashed field by field here), and the published fields, C, z and P(z) are
 * rebuilt in this test from the layout in circuits/README.md.
 */
class BlockRootTest {
  private static final Circuit ROOT_1 = BlockRootCircuit.build(1);
  private static final Circuit ROOT_4 = BlockRootCircuit.build(4, false);

  @Test
  void twoBlocksMatchTheNativeTreesAndTheDataAvailabilityValues() {
    Random random = new Random(61);
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis();
        WorldStateFork reference = WorldStateFork.inMemoryGenesis()) {
      List<Fr> previous = genesisHeader(reference);
      assertEquals(Constants.GENESIS_BLOCK_HEADER_HASH, hashHeader(previous));
      List<Fr> slots = new ArrayList<>();
      // block 1: one tx, no messages, IR + R1CS; block 2: 3 txs in block-root-4 with messages
      for (int block = 1; block <= 2; block++) {
        int txCount = block == 1 ? 1 : 3;
        Circuit circuit = block == 1 ? ROOT_1 : ROOT_4;
        List<BlockTx> txs = new ArrayList<>();
        for (int t = 0; t < txCount; t++) {
          txs.add(randomTx(random, slots));
        }
        List<Fr> messages = new ArrayList<>();
        for (int i = 0, n = block == 1 ? 0 : 1 + random.nextInt(16); i < n; i++) {
          messages.add(randomFr(random));
        }
        List<Fr> globals = randomGlobals(random, block);
        Fr effectsKey = randomFr(random);
        BlockRootData data = new BlockRootData(previous, globals, Fr.of(7), txs, messages, effectsKey);
        Map<String, Fr> startSnapshot = snapshots(fork, "start");
        for (BlockTx tx : txs) {
          BaseRollupWitness.apply(fork, tx.tree(), 8);
        }
        BlockRootWitness.Result result = BlockRootWitness.apply(fork, data, circuit == ROOT_1 ? 1 : 4);
        Fr[] witness = block == 1 ? CircuitCheck.solveAndCheck(circuit, result.inputs())
            : Interpreter.solve(circuit, result.inputs(), Oracles.standard());
        Map<String, Fr> outputs = Interpreter.outputs(circuit, witness);

        List<Fr> header = applyLikeBlockBuilder(reference, txs, messages, globals);
        Fr blockHash = hashHeader(header);
        assertEquals(blockHash, outputs.get("blockHash"));
        assertEquals(reference.treeInfo(TreeId.ARCHIVE).root(), outputs.get("archiveRoot"));
        assertEquals(reference.treeInfo(TreeId.ARCHIVE), fork.treeInfo(TreeId.ARCHIVE));
        startSnapshot.forEach((name, value) -> assertEquals(value, outputs.get(name), name));
        snapshots(reference, "end").forEach((name, value) -> assertEquals(value, outputs.get(name), name));

        List<Fr> fields = publishedFields(txs);
        assertEquals(fields, data.publishedFields());
        Fr commitment = commitment(txs, circuit == ROOT_1 ? 1 : 4);
        assertEquals(commitment, outputs.get("effectsCommitment"));
        Fr z = Poseidon2.hash(commitment, effectsKey);
        assertEquals(naiveEvaluation(fields, z), outputs.get("effectsEvaluation"));
        for (int t = 0; t < txs.size(); t++) {
          assertEquals(txs.get(t).tree().commitment(), outputs.get("txEffectsCommitment[" + t + "]"));
        }
        // the witness class's own list of public inputs is the circuit's, in R1CS order
        assertEquals(result.publicInputs(), publicValues(circuit, witness));
        assertEquals(BlockRootCircuit.publicInputNames(circuit == ROOT_1 ? 1 : 4), publicNames(circuit));
        previous = header;
      }
    }
  }

  @Test
  void aBlockWithoutTxsKeepsTheStateAndRefusesAnotherEnd() {
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      BlockRootData data = new BlockRootData(genesisHeader(fork), randomGlobals(new Random(1), 1), Fr.ZERO,
          List.of(), List.of(), Fr.of(99));
      BlockRootWitness.Result result = BlockRootWitness.apply(fork, data, 1);
      Map<String, Fr> outputs = Interpreter.outputs(ROOT_1, Interpreter.solve(ROOT_1, result.inputs(),
          Oracles.standard()));
      assertEquals(Fr.ZERO, outputs.get("effectsEvaluation")); // the only published field is txCount = 0
      Map<String, Fr> moved = new HashMap<>(result.inputs());
      moved.put("endState.noteHash.size", Fr.of(64));
      assertUnsatisfied(ROOT_1, moved);
    }
  }

  @Test
  void refusesWrongKeyWrongEvaluationAndInconsistentData() {
    Random random = new Random(5);
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      List<BlockTx> txs = List.of(randomTx(random, new ArrayList<>()));
      BlockRootData data = new BlockRootData(genesisHeader(fork), randomGlobals(random, 1), Fr.ZERO, txs,
          List.of(randomFr(random)), randomFr(random));
      BaseRollupWitness.apply(fork, txs.get(0).tree(), 8);
      Map<String, Fr> inputs = BlockRootWitness.apply(fork, data, 1).inputs();
      Fr[] witness = Interpreter.solve(ROOT_1, inputs, Oracles.standard());

      // the statement (K', y) with y computed for K: the public K wire changed, nothing else
      assertTampered(witness, "effectsKey");
      assertTampered(witness, "effectsEvaluation");
      assertTampered(witness, "effectsCommitment");
      assertTampered(witness, "txEffectsCommitment[0]");
      assertTampered(witness, "start.nullifier.root");
      assertTampered(witness, "archiveRoot");

      // a start state that is not the parent header's: the parent is no longer in the archive
      Map<String, Fr> otherStart = new HashMap<>(inputs);
      otherStart.put("previousHeader[5]", inputs.get("previousHeader[5]").add(Fr.of(64)));
      assertUnsatisfied(ROOT_1, otherStart);
      // a tree effect beyond its published count (the published data would miss it)
      Map<String, Fr> hidden = new HashMap<>(inputs);
      int count = txs.get(0).tree().noteHashes().size();
      hidden.put("tx[0].noteHashes[" + count + "]", Fr.of(12345));
      assertUnsatisfied(ROOT_1, hidden);
      // a count mask that is not a prefix of ones
      Map<String, Fr> holes = new HashMap<>(inputs);
      holes.put("tx[0].otherFieldUsed[" + (txs.get(0).otherFields().size() + 1) + "]", Fr.ONE);
      assertUnsatisfied(ROOT_1, holes);
      // a block number that is not the archive index
      Map<String, Fr> number = new HashMap<>(inputs);
      number.put("blockNumber", Fr.of(2));
      number.put("globals[2]", Fr.of(2));
      assertUnsatisfied(ROOT_1, number);
      // messages claimed without inserting them
      Map<String, Fr> notInserted = new HashMap<>(inputs);
      notInserted.put("l1ToL2.inserted", Fr.ZERO);
      assertUnsatisfied(ROOT_1, notInserted);
    }
  }

  @Test
  void printsConstraintCounts() {
    for (Circuit circuit : List.of(ROOT_1, ROOT_4)) {
      System.out.println(circuit.name() + ": " + R1csCompiler.constraintCount(circuit) + " constraints, "
          + R1csCompiler.wireCount(circuit) + " wires, " + circuit.publicWitnesses().length + " public");
    }
    assertEquals(BlockRootCircuit.publicInputNames(1).size(), ROOT_1.publicWitnesses().length);
  }

  // ---- the independent reference ----

  private static void assertTampered(Fr[] witness, String name) {
    Fr[] tampered = witness.clone();
    int w = ROOT_1.io().stream().filter(io -> io.name().equals(name)).findFirst().orElseThrow().witness();
    tampered[w] = tampered[w].add(Fr.ONE);
    assertTrue(Interpreter.firstUnsatisfied(ROOT_1, tampered).isPresent(), name);
  }

  private static void assertUnsatisfied(Circuit circuit, Map<String, Fr> inputs) {
    assertThrows(UnsatisfiedConstraintException.class, () -> Interpreter.solve(circuit, inputs,
        Oracles.standard()));
  }

  private static List<Fr> publicValues(Circuit circuit, Fr[] witness) {
    List<Fr> values = new ArrayList<>();
    for (int w : circuit.publicWitnesses()) {
      values.add(witness[w]);
    }
    return values;
  }

  private static List<String> publicNames(Circuit circuit) {
    return circuit.io().stream().filter(io -> io.kind().isPublic()).map(CircuitIo::name).toList();
  }

  private static Map<String, Fr> snapshots(WorldStateFork fork, String side) {
    Map<String, Fr> values = new HashMap<>();
    String[] names = {"noteHash", "nullifier", "publicData"};
    TreeId[] trees = {TreeId.NOTE_HASH, TreeId.NULLIFIER, TreeId.PUBLIC_DATA};
    for (int i = 0; i < 3; i++) {
      TreeInfo info = fork.treeInfo(trees[i]);
      values.put(side + "." + names[i] + ".root", info.root());
      values.put(side + "." + names[i] + ".size", Fr.of(info.size()));
    }
    return values;
  }

  private static List<Fr> genesisHeader(WorldStateFork fork) {
    List<Fr> fields = new ArrayList<>(List.of(Fr.ZERO, Fr.ZERO));
    fields.addAll(stateFields(fork));
    fields.addAll(Collections.nCopies(1 + 9 + 2, Fr.ZERO));
    return fields;
  }

  private static List<Fr> stateFields(WorldStateFork fork) {
    List<Fr> fields = new ArrayList<>();
    for (TreeId tree : List.of(TreeId.L1_TO_L2_MESSAGE, TreeId.NOTE_HASH, TreeId.NULLIFIER, TreeId.PUBLIC_DATA)) {
      fields.add(fork.treeInfo(tree).root());
      fields.add(Fr.of(fork.treeInfo(tree).size()));
    }
    return fields;
  }

  private static Fr hashHeader(List<Fr> fields) {
    List<Fr> inputs = new ArrayList<>();
    inputs.add(Fr.of(Constants.DomainSeparator.BLOCK_HEADER_HASH.value()));
    inputs.addAll(fields);
    return Poseidon2.hash(inputs.toArray(Fr[]::new));
  }

  private static List<Fr> applyLikeBlockBuilder(WorldStateFork fork, List<BlockTx> txs, List<Fr> messages,
      List<Fr> globals) {
    TreeInfo lastArchive = fork.treeInfo(TreeId.ARCHIVE);
    // every block appends one 1024-leaf message subtree, zeros included (the node's BlockBuilder, Aztec)
    List<Fr> padded = new ArrayList<>(messages);
    padded.addAll(Collections.nCopies(1024 - messages.size(), Fr.ZERO));
    fork.appendLeaves(TreeId.L1_TO_L2_MESSAGE, padded);
    Fr fees = Fr.ZERO;
    for (BlockTx tx : txs) {
      fork.insertTxNullifiers(tx.tree().nullifiers());
      List<Fr> noteHashes = new ArrayList<>(tx.tree().noteHashes());
      noteHashes.addAll(Collections.nCopies(64 - noteHashes.size(), Fr.ZERO));
      fork.appendLeaves(TreeId.NOTE_HASH, noteHashes);
      for (TxTreeEffects.PublicWrite write : tx.tree().publicWrites()) {
        fork.writePublicData(write.slot(), write.value());
      }
      fees = fees.add(tx.fee());
    }
    List<Fr> header = new ArrayList<>(List.of(lastArchive.root(), Fr.of(lastArchive.size())));
    header.addAll(stateFields(fork));
    header.add(txs.isEmpty() ? Fr.ZERO : Poseidon2.hash(txs.stream().map(BlockTx::txHash).toArray(Fr[]::new)));
    header.addAll(globals);
    header.add(fees);
    header.add(Fr.of(7));
    fork.appendLeaves(TreeId.ARCHIVE, List.of(hashHeader(header)));
    return header;
  }

  /** README layout: [n], then per tx [counts, txHash, fee, nullifiers, noteHashes, slot, value, ..., others]. */
  private static List<Fr> publishedFields(List<BlockTx> txs) {
    List<Fr> fields = new ArrayList<>();
    fields.add(Fr.of(txs.size()));
    for (BlockTx tx : txs) {
      BigInteger counts = BigInteger.valueOf(tx.tree().nullifiers().size())
          .or(BigInteger.valueOf(tx.tree().noteHashes().size()).shiftLeft(16))
          .or(BigInteger.valueOf(tx.tree().publicWrites().size()).shiftLeft(32))
          .or(BigInteger.valueOf(tx.otherFields().size()).shiftLeft(48));
      fields.add(Fr.fromBigInteger(counts));
      fields.add(tx.txHash());
      fields.add(tx.fee());
      fields.addAll(tx.tree().nullifiers());
      fields.addAll(tx.tree().noteHashes());
      tx.tree().publicWrites().forEach(write -> {
        fields.add(write.slot());
        fields.add(write.value());
      });
      fields.addAll(tx.otherFields());
    }
    return fields;
  }

  private static Fr commitment(List<BlockTx> txs, int capacity) {
    List<Fr> inputs = new ArrayList<>();
    inputs.add(Fr.of(txs.size()));
    for (int t = 0; t < capacity; t++) {
      if (t < txs.size()) {
        BlockTx tx = txs.get(t);
        List<Fr> own = publishedFields(List.of(tx));
        inputs.add(own.get(1));
        inputs.add(tx.txHash());
        inputs.add(tx.fee());
        List<Fr> tree = new ArrayList<>();
        tree.addAll(padded(tx.tree().noteHashes(), 64));
        tree.addAll(padded(tx.tree().nullifiers(), 64));
        for (int k = 0; k < 64; k++) {
          boolean used = k < tx.tree().publicWrites().size();
          tree.add(used ? tx.tree().publicWrites().get(k).slot() : Fr.ZERO);
          tree.add(used ? tx.tree().publicWrites().get(k).value() : Fr.ZERO);
        }
        inputs.add(Poseidon2.hash(tree.toArray(Fr[]::new)));
        inputs.addAll(padded(tx.otherFields(), BlockRootCircuit.OTHER_FIELDS_CAPACITY));
      } else {
        inputs.addAll(Collections.nCopies(4 + BlockRootCircuit.OTHER_FIELDS_CAPACITY, Fr.ZERO));
      }
    }
    return Poseidon2.hash(inputs.toArray(Fr[]::new));
  }

  private static List<Fr> padded(List<Fr> values, int length) {
    List<Fr> out = new ArrayList<>(values);
    out.addAll(Collections.nCopies(length - values.size(), Fr.ZERO));
    return out;
  }

  private static Fr naiveEvaluation(List<Fr> fields, Fr z) {
    Fr sum = Fr.ZERO;
    for (int i = 0; i < fields.size(); i++) {
      sum = sum.add(fields.get(i).mul(z.pow(i)));
    }
    return sum;
  }

  private static BlockTx randomTx(Random random, List<Fr> slots) {
    List<Fr> noteHashes = new ArrayList<>();
    for (int i = 0, n = random.nextInt(5); i < n; i++) {
      noteHashes.add(randomFr(random));
    }
    List<Fr> nullifiers = new ArrayList<>();
    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
      nullifiers.add(randomFr(random));
    }
    List<TxTreeEffects.PublicWrite> writes = new ArrayList<>();
    for (int i = 0, n = random.nextInt(4); i < n; i++) {
      Fr slot = !slots.isEmpty() && random.nextBoolean() ? slots.get(random.nextInt(slots.size()))
          : randomFr(random);
      if (writes.stream().noneMatch(write -> write.slot().equals(slot))) {
        slots.add(slot);
        writes.add(new TxTreeEffects.PublicWrite(slot, randomFr(random)));
      }
    }
    List<Fr> others = new ArrayList<>();
    for (int i = 0, n = random.nextInt(40); i < n; i++) {
      others.add(randomFr(random));
    }
    return new BlockTx(randomFr(random), Fr.of(random.nextInt(1_000_000)),
        new TxTreeEffects(noteHashes, nullifiers, writes), others);
  }

  private static List<Fr> randomGlobals(Random random, long blockNumber) {
    List<Fr> globals = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      globals.add(i == 2 ? Fr.of(blockNumber) : Fr.of(random.nextInt(1 << 30)));
    }
    return globals;
  }

  private static Fr randomFr(Random random) {
    Fr value = Fr.reduce(new BigInteger(300, random));
    assertNotEquals(Fr.ZERO, value);
    return value;
  }
}

package dev.obsidian.circuits.bench;

import dev.obsidian.circuits.ir.CompiledCircuit;
import dev.obsidian.circuits.ir.Interpreter;
import dev.obsidian.circuits.ir.Oracles;
import dev.obsidian.circuits.ir.R1csCompiler;
import dev.obsidian.circuits.rollup.BaseRollupCircuit;
import dev.obsidian.circuits.rollup.BaseRollupWitness;
import dev.obsidian.circuits.rollup.BlockRootCircuit;
import dev.obsidian.circuits.rollup.BlockRootData;
import dev.obsidian.circuits.rollup.BlockRootWitness;
import dev.obsidian.circuits.rollup.BlockTx;
import dev.obsidian.circuits.rollup.NamedCircuits;
import dev.obsidian.circuits.rollup.TxTreeEffects;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.WorldStateFork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * A solved witness of a rollup circuit for {@code obsidian bench prover --circuit NAME}: block 1 on the genesis
 * state with txs of 2 nullifiers, 2 note hashes, 1 public write and 37 other fields (a private transfer), as many as
 * the block root holds (one for base rollups). The witness time covers the fork, the tree witnesses and the solver.
 */
public final class RollupBenchInputs {
  private RollupBenchInputs() {}

  public record Instance(CompiledCircuit compiled, Fr[] assignment, double witnessSeconds) {}

  public static boolean isRollupCircuit(String name) {
    return name.startsWith("base-rollup-") || name.startsWith("block-root-");
  }

  public static Instance build(String name) {
    if (!isRollupCircuit(name) || !NamedCircuits.names().contains(name)) {
      throw new IllegalArgumentException("circuit '" + name + "' is not a rollup circuit of " + NamedCircuits.names());
    }
    CompiledCircuit compiled = R1csCompiler.compile(NamedCircuits.build(name, OptionalInt.empty(), false));
    long start = System.nanoTime();
    SplittableRandom random = new SplittableRandom(42);
    Map<String, Fr> inputs;
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      List<Fr> genesis = genesisHeader(fork);
      if (name.startsWith("base-rollup-")) {
        inputs = BaseRollupWitness.apply(fork, transfer(random).tree(),
            Integer.parseInt(name.substring("base-rollup-".length())));
      } else {
        int capacity = Integer.parseInt(name.substring("block-root-".length()));
        List<BlockTx> txs = new ArrayList<>();
        for (int t = 0; t < capacity; t++) {
          BlockTx tx = transfer(random);
          txs.add(tx);
          BaseRollupWitness.apply(fork, tx.tree(), 2);
        }
        List<Fr> globals = List.of(Fr.of(31337), Fr.ONE, Fr.ONE, Fr.ONE, Fr.of(1_700_000_000L), Fr.ZERO, Fr.ZERO,
            Fr.ZERO, Fr.ZERO);
        inputs = BlockRootWitness.apply(fork, new BlockRootData(genesis, globals, Fr.ZERO, txs, List.of(),
            field(random)), capacity).inputs();
      }
    }
    Fr[] witness = Interpreter.solve(compiled.circuit(), inputs, Oracles.standard());
    Fr[] assignment = compiled.assignment(witness);
    return new Instance(compiled, assignment, (System.nanoTime() - start) / 1e9);
  }

  private static BlockTx transfer(SplittableRandom random) {
    List<Fr> others = new ArrayList<>();
    for (int i = 0; i < 37; i++) {
      others.add(field(random));
    }
    return new BlockTx(field(random), Fr.of(1000), new TxTreeEffects(List.of(field(random), field(random)),
        List.of(field(random), field(random)), List.of(new TxTreeEffects.PublicWrite(field(random),
            field(random)))), others);
  }

  private static Fr field(SplittableRandom random) {
    return Fr.of(random.nextLong(1, Long.MAX_VALUE)).mul(Fr.of(random.nextLong(1, Long.MAX_VALUE)));
  }

  private static List<Fr> genesisHeader(WorldStateFork genesis) {
    List<Fr> fields = new ArrayList<>(List.of(Fr.ZERO, Fr.ZERO));
    for (TreeId tree : List.of(TreeId.L1_TO_L2_MESSAGE, TreeId.NOTE_HASH, TreeId.NULLIFIER, TreeId.PUBLIC_DATA)) {
      fields.add(genesis.treeInfo(tree).root());
      fields.add(Fr.of(genesis.treeInfo(tree).size()));
    }
    fields.addAll(Collections.nCopies(12, Fr.ZERO));
    return fields;
  }
}

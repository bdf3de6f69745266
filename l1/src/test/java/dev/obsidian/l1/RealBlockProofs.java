package dev.obsidian.l1;

import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.circuits.groth16.KeyStore;
import dev.obsidian.circuits.groth16.Proof;
import dev.obsidian.circuits.groth16.Prover;
import dev.obsidian.circuits.groth16.ProvingKey;
import dev.obsidian.circuits.groth16.Verifier;
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
import dev.obsidian.circuits.rollup.PublishedEffects;
import dev.obsidian.config.ProverSettings;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Sha;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.WorldStateFork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Real block proofs for the L1 tests: the base rollup of capacity 2 and block-root variants compiled to R1CS, dev
 * keys (INSECURE) from the per-user key store ({@code ~/.cache/obsidian/groth16-keys}, shared with the prover tests and
 * the node, because a setup takes minutes here), and for a
 * block of txs: every base proof, the block root proof, the header and the proof calldata. Every proof is checked
 * by the Java verifier before it is used.
 */
final class RealBlockProofs {
  static final int BASE_CAPACITY = 2;

  final CompiledCircuit base;
  final ProvingKey baseKey;
  final List<Integer> rootCapacities;
  final List<CompiledCircuit> roots = new ArrayList<>();
  final List<ProvingKey> rootKeys = new ArrayList<>();

  /** Circuits and keys made elsewhere (e.g. loaded from a KeyStore). */
  RealBlockProofs(CompiledCircuit base, ProvingKey baseKey, List<Integer> rootCapacities,
      List<CompiledCircuit> roots, List<ProvingKey> rootKeys) {
    this.base = base;
    this.baseKey = baseKey;
    this.rootCapacities = List.copyOf(rootCapacities);
    this.roots.addAll(roots);
    this.rootKeys.addAll(rootKeys);
  }

  RealBlockProofs(List<Integer> rootCapacities) {
    this.rootCapacities = List.copyOf(rootCapacities);
    base = R1csCompiler.compile(BaseRollupCircuit.build(BASE_CAPACITY, false));
    baseKey = key(base);
    for (int capacity : rootCapacities) {
      CompiledCircuit root = R1csCompiler.compile(BlockRootCircuit.build(capacity, false));
      roots.add(root);
      rootKeys.add(key(root));
    }
  }

  /** A proven block: what propose takes, and the pieces tests tamper with. */
  record ProvenBlock(ProposedHeader header, byte[] effects, BlockProofCalldata.Batch batch, Fr commitment,
      Fr evaluation, List<Fr> headerFields, List<List<Fr>> baseInputs, List<Fr> rootInputs) {
    byte[] proof() {
      return BlockProofCalldata.rollupProof(commitment, evaluation, batch.encode());
    }
  }

  /** The genesis block header's 22 fields (every field zero but the state reference). */
  static List<Fr> genesisHeader(WorldStateFork genesis) {
    List<Fr> fields = new ArrayList<>(List.of(Fr.ZERO, Fr.ZERO));
    for (TreeId tree : List.of(TreeId.L1_TO_L2_MESSAGE, TreeId.NOTE_HASH, TreeId.NULLIFIER, TreeId.PUBLIC_DATA)) {
      fields.add(genesis.treeInfo(tree).root());
      fields.add(Fr.of(genesis.treeInfo(tree).size()));
    }
    fields.addAll(Collections.nCopies(12, Fr.ZERO));
    return fields;
  }

  /** Proves block {@code number} of {@code txs} on {@code fork} (the parent state; left with the block applied). */
  ProvenBlock prove(WorldStateFork fork, List<Fr> previousHeader, long number, List<TxEffect> txs, Fr inHash,
      int rootVariant, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] effects = EffectsEncoding.encode(txs);
    List<BlockTx> blockTxs = EffectsEncoding.blockTxs(txs);
    if (!PublishedEffects.fields(blockTxs).equals(EffectsEncoding.fields(txs))) {
      throw new IllegalStateException("l1's effects encoding and the block root's published fields differ");
    }
    List<BlockProofCalldata.BaseProof> baseProofs = new ArrayList<>();
    List<List<Fr>> baseInputs = new ArrayList<>();
    for (BlockTx tx : blockTxs) {
      Fr[] witness = Interpreter.solve(base.circuit(), BaseRollupWitness.apply(fork, tx.tree(), BASE_CAPACITY),
          Oracles.standard());
      List<Fr> inputs = List.of(base.publicInputs(witness));
      baseProofs.add(new BlockProofCalldata.BaseProof(0, prove(base, baseKey, witness, inputs, random)));
      baseInputs.add(inputs);
    }
    CompiledCircuit root = roots.get(rootVariant);
    List<Fr> globals = List.of(Fr.of(31337), Fr.of(1), Fr.of(number), Fr.of(number * 2), Fr.of(1_700_000_000L +
        number), Fr.of(0xc01), Fr.of(0xfee), Fr.ZERO, Fr.of(10));
    BlockRootData data = new BlockRootData(previousHeader, globals, Fr.ZERO, blockTxs, List.of(),
        EffectsEncoding.effectsKey(effects));
    BlockRootWitness.Result result = BlockRootWitness.apply(fork, data, rootCapacities.get(rootVariant));
    Fr[] witness = Interpreter.solve(root.circuit(), result.inputs(), Oracles.standard());
    List<Fr> rootInputs = List.of(root.publicInputs(witness));
    if (!rootInputs.equals(result.publicInputs())) {
      throw new IllegalStateException("the block root's public inputs differ from BlockRootWitness's");
    }
    Proof rootProof = prove(root, rootKeys.get(rootVariant), witness, rootInputs, random);
    List<Fr> header = result.header();
    byte[] published = EffectsEncoding.published(header, effects);
    OutHashTree outTree = OutHashTree.of(ProposedHeader.l2ToL1MessageHashes(txs, TestBlocks.VERSION,
        TestBlocks.CHAIN_ID));
    ProposedHeader proposed = new ProposedHeader(number, header.get(0), result.archive().root(), result.blockHash(),
        header.get(2), header.get(4), header.get(6), header.get(8), Sha.sha256ToField(published), inHash,
        outTree.root(), outTree.height());
    BlockProofCalldata.Batch batch = BlockProofCalldata.Batch.of(rootVariant, rootProof, rootInputs, baseProofs,
        baseInputs);
    return new ProvenBlock(proposed, published, batch, rootInputs.get(17), rootInputs.get(18), header, baseInputs,
        rootInputs);
  }

  private static Proof prove(CompiledCircuit circuit, ProvingKey key, Fr[] witness, List<Fr> inputs,
      SplittableRandom random) {
    Proof proof = Prover.prove(key, circuit.r1cs(), circuit.assignment(witness), random);
    if (!Verifier.verify(key.verifyingKey(), inputs, proof)) {
      throw new IllegalStateException(circuit.circuit().name() + ": the Java verifier refuses our own proof");
    }
    return proof;
  }

  /**
   * The dev key of a circuit from the per-user key store the prover and the node use (made there once per machine,
   * INSECURE, deterministic), so the l1 tests share their setups with the prover tests.
   */
  private static ProvingKey key(CompiledCircuit compiled) {
    KeyStore store = new KeyStore(ProverSettings.defaults(true).resolvedKeyDir(System.getenv()), System.out);
    return store.loadOrCreate(compiled.circuit().name(), compiled.r1cs()).provingKey();
  }
}

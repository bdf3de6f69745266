package dev.obsidian.prover;

import dev.obsidian.actors.BlockProver;
import dev.obsidian.actors.block.BlockHeader;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.circuits.groth16.KeyCodec;
import dev.obsidian.circuits.groth16.KeyStore;
import dev.obsidian.circuits.groth16.Proof;
import dev.obsidian.circuits.groth16.Prover;
import dev.obsidian.circuits.groth16.Verifier;
import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.circuits.ir.CircuitIo;
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
import dev.obsidian.l1.EffectsEncoding;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.merkle.WorldStateFork;
import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link BlockProver} with Groth16 over the rollup circuits. A block of n txs is n + 1 jobs: one base rollup per tx
 * on the smallest variant that holds its effects (inputs from {@link BaseRollupWitness}, the trees' insertion
 * witnesses while the tx is applied as {@code BlockBuilder} applies it), then the block root on the smallest variant
 * that holds the block (inputs from {@link BlockRootWitness} on the same fork: L1-to-L2 messages, header, archive;
 * its effects key K computed from the calldata the L1 publisher sends, {@link EffectsEncoding}). Every job's
 * expected public inputs are computed here from the fork and the block, never taken from a worker, and a result is
 * accepted only when {@link Verifier} passes with the verifying key this process loaded from its key directory.
 * The block root's outputs are checked against the block's own header hash and archive when planning.
 */
public final class Groth16BlockProver implements BlockProver {

  /** A circuit variant ready to prove: its circuit, R1CS and key ({@code capacity}: txs for a block root). */
  public record Variant(int capacity, Circuit circuit, CompiledCircuit compiled, KeyStore.LoadedKey key) {
    public String name() {
      return circuit.name();
    }

    public boolean isBlockRoot() {
      return name().startsWith("block-root-");
    }
  }

  private final Map<String, Variant> variants;
  private final int maxBaseCapacity;
  private final int maxBlockTxs;

  private Groth16BlockProver(Map<String, Variant> variants, int maxBaseCapacity, int maxBlockTxs) {
    this.variants = variants;
    this.maxBaseCapacity = maxBaseCapacity;
    this.maxBlockTxs = maxBlockTxs;
  }

  /** As {@link #load(KeyStore, int, int, PrintStream)} with block roots for a single tx. */
  public static Groth16BlockProver load(KeyStore keys, int maxBaseCapacity, PrintStream log) {
    return load(keys, maxBaseCapacity, 1, log);
  }

  /**
   * Builds the base rollup variants up to {@code maxBaseCapacity} and the block-root variants up to the smallest that
   * holds {@code maxBlockTxs} txs, and loads their keys from {@code keys} (making dev keys, INSECURE, when missing).
   * Takes seconds per variant, plus a dev setup the first time.
   */
  public static Groth16BlockProver load(KeyStore keys, int maxBaseCapacity, int maxBlockTxs, PrintStream log) {
    if (maxBlockTxs < 1 || maxBlockTxs > maxBlockRootTxs()) {
      throw new IllegalArgumentException("maxBlockTxs must be in [1, " + maxBlockRootTxs() + "] (the largest block "
          + "root), got " + maxBlockTxs);
    }
    Map<String, Variant> variants = new LinkedHashMap<>();
    for (int capacity : NamedCircuits.BASE_ROLLUP_CAPACITIES) {
      if (capacity > maxBaseCapacity) {
        break;
      }
      Circuit circuit = BaseRollupCircuit.build(capacity, false);
      BaseRollupPublics.check(circuit);
      variants.put(circuit.name(), prepare(keys, capacity, circuit, log));
    }
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("max base capacity " + maxBaseCapacity + " is below the smallest variant "
          + NamedCircuits.BASE_ROLLUP_CAPACITIES.get(0));
    }
    int largestRoot = BlockRootCircuit.smallestCapacity(maxBlockTxs);
    for (int capacity : BlockRootCircuit.TX_CAPACITIES) {
      if (capacity > largestRoot) {
        break;
      }
      Circuit circuit = BlockRootCircuit.build(capacity, false);
      List<String> names = circuit.io().stream().filter(io -> io.kind().isPublic()).map(CircuitIo::name).toList();
      if (!names.equals(BlockRootCircuit.publicInputNames(capacity))) {
        throw new IllegalStateException(circuit.name() + " public wires are " + names + ", expected "
            + BlockRootCircuit.publicInputNames(capacity));
      }
      variants.put(circuit.name(), prepare(keys, capacity, circuit, log));
    }
    return new Groth16BlockProver(variants, maxBaseCapacity, maxBlockTxs);
  }

  /** The most txs any block-root variant holds. */
  public static int maxBlockRootTxs() {
    return BlockRootCircuit.TX_CAPACITIES.get(BlockRootCircuit.TX_CAPACITIES.size() - 1);
  }

  private static Variant prepare(KeyStore keys, int capacity, Circuit circuit, PrintStream log) {
    long start = System.nanoTime();
    CompiledCircuit compiled = R1csCompiler.compile(circuit);
    KeyStore.LoadedKey key = keys.loadOrCreate(circuit.name(), compiled.r1cs());
    log.printf("prover: %s ready (%d constraints, key %s, %s) in %.1f s%n", circuit.name(),
        compiled.r1cs().constraints().size(), key.provingKeyHash().substring(0, 16), key.origin(),
        (System.nanoTime() - start) / 1e9);
    return new Variant(capacity, circuit, compiled, key);
  }

  public Map<String, Variant> variants() {
    return variants;
  }

  /** The base rollup variants, smallest first (the order the L1 verifier is deployed with). */
  public List<Variant> baseVariants() {
    return variants.values().stream().filter(v -> !v.isBlockRoot()).toList();
  }

  /** The block-root variants, smallest first. */
  public List<Variant> blockRootVariants() {
    return variants.values().stream().filter(Variant::isBlockRoot).toList();
  }

  @Override
  public List<ProvingJob> plan(WorldStateFork parent, BlockHeader parentHeader, L2Block block) {
    requireEqual("lastArchive", block.header().lastArchive(), parent.treeInfo(TreeId.ARCHIVE), block);
    int txCount = block.txEffects().size();
    if (txCount > maxBlockTxs) {
      throw new UnprovableBlockException("block " + block.number() + " has " + txCount + " txs; this prover's block "
          + "roots hold at most " + maxBlockTxs + " (the sequencer's max-txs-per-block must not exceed it)");
    }
    if (block.l1ToL2Messages().size() > BlockRootCircuit.L1_TO_L2_MESSAGE_CAPACITY) {
      throw new UnprovableBlockException("block " + block.number() + " inserts " + block.l1ToL2Messages().size()
          + " L1-to-L2 messages; the block root holds " + BlockRootCircuit.L1_TO_L2_MESSAGE_CAPACITY);
    }
    List<ProvingJob> jobs = new ArrayList<>(txCount + 1);
    for (int i = 0; i < txCount; i++) {
      jobs.add(baseJob(parent, block.number(), i, treeEffects(block.txEffects().get(i))));
    }
    jobs.add(blockRootJob(parent, parentHeader, block)); // checks the header, state included, and its hash
    requireEqual("archive", block.archive(), parent.treeInfo(TreeId.ARCHIVE), block);
    return jobs;
  }

  /**
   * The block-root job of {@code block}, on {@code fork} holding the parent state with the block's txs applied; leaves
   * the fork with the messages and the archive leaf, as {@code BlockBuilder.seal} does.
   */
  public static ProvingJob blockRootJob(WorldStateFork fork, BlockHeader parentHeader, L2Block block) {
    List<BlockTx> txs;
    try {
      txs = EffectsEncoding.blockTxs(block.txEffects());
    } catch (IllegalArgumentException e) {
      throw new UnprovableBlockException("block " + block.number() + ": " + e.getMessage());
    }
    Fr effectsKey = EffectsEncoding.effectsKey(EffectsEncoding.encode(block.txEffects()));
    BlockRootData data = new BlockRootData(parentHeader.toFields(), block.header().globals().toFields(),
        Fr.of(block.header().totalManaUsed()), txs, block.l1ToL2Messages(), effectsKey);
    int capacity = BlockRootCircuit.smallestCapacity(txs.size());
    BlockRootWitness.Result root = BlockRootWitness.apply(fork, data, capacity);
    if (!root.header().equals(block.header().toFields())) {
      throw new IllegalStateException("block " + block.number() + ": the block root's header " + root.header()
          + " differs from the block's " + block.header().toFields());
    }
    if (!root.blockHash().equals(block.hash())) {
      throw new IllegalStateException("block " + block.number() + ": the block root's header hash "
          + root.blockHash() + " differs from the block's " + block.hash());
    }
    return new ProvingJob(block.number(), txs.size(), BlockRootCircuit.name(capacity),
        List.copyOf(root.inputs().keySet()), List.copyOf(root.inputs().values()), root.publicInputs());
  }

  /**
   * The base rollup job of one tx, applying it to {@code fork}; {@link UnprovableBlockException} when no variant holds
   * it.
   */
  public static ProvingJob baseJob(WorldStateFork fork, long blockNumber, int index, TxTreeEffects effects) {
    int capacity;
    try {
      capacity = NamedCircuits.smallestBaseRollupCapacity(effects);
    } catch (IllegalArgumentException e) {
      throw new UnprovableBlockException("block " + blockNumber + " tx " + index + ": " + e.getMessage());
    }
    Map<String, Fr> inputs = BaseRollupWitness.apply(fork, effects, capacity);
    Map<String, Fr> publicValues = new TreeMap<>(inputs);
    putSnapshot(publicValues, "end.noteHash", fork.treeInfo(TreeId.NOTE_HASH));
    putSnapshot(publicValues, "end.nullifier", fork.treeInfo(TreeId.NULLIFIER));
    putSnapshot(publicValues, "end.publicData", fork.treeInfo(TreeId.PUBLIC_DATA));
    publicValues.put("effectsCommitment", effects.commitment());
    List<Fr> expected = new ArrayList<>();
    for (String name : BaseRollupPublics.NAMES) {
      expected.add(publicValues.get(name));
    }
    return new ProvingJob(blockNumber, index, BaseRollupCircuit.name(capacity), List.copyOf(inputs.keySet()),
        List.copyOf(inputs.values()), expected);
  }

  @Override
  public Optional<String> cannotProveTx(TxEffects effects) {
    TxTreeEffects tree;
    try {
      tree = treeEffects(effects);
    } catch (IllegalArgumentException e) {
      return Optional.of("its tree effects do not fit a base rollup: " + e.getMessage());
    }
    int largest = tree.largestCount();
    if (largest > maxBaseCapacity) {
      return Optional.of("it has " + effects.noteHashes().size() + " note hashes, " + effects.nullifiers().size()
          + " nullifiers and " + effects.publicDataWrites().size() + " public writes; this node proves at most "
          + maxBaseCapacity + " of each per tx (obsidian.prover.max-base-capacity = " + maxBaseCapacity + ")");
    }
    int others = EffectsEncoding.otherFields(effects).size();
    if (others > BlockRootCircuit.OTHER_FIELDS_CAPACITY) {
      return Optional.of("its L2-to-L1 messages and logs take " + others + " published fields; the block root holds "
          + BlockRootCircuit.OTHER_FIELDS_CAPACITY + " per tx");
    }
    return Optional.empty();
  }

  /** What the base rollup proves of a tx: its tree effects (public data writes by leaf slot). */
  public static TxTreeEffects treeEffects(TxEffect effect) {
    return treeEffects(effect.effects());
  }

  private static TxTreeEffects treeEffects(TxEffects effects) {
    return new TxTreeEffects(effects.noteHashes(), effects.nullifiers(), effects.publicDataWrites().stream()
        .map(write -> new TxTreeEffects.PublicWrite(write.leafSlot(), write.value())).toList());
  }

  @Override
  public Optional<String> cannotProve(ProvingJob job) {
    return variants.containsKey(job.circuit()) ? Optional.empty()
        : Optional.of("no key for " + job.circuit() + " (keys for " + variants.keySet()
            + ", obsidian.prover.max-base-capacity = " + maxBaseCapacity + ", block roots up to " + maxBlockTxs
            + " txs)");
  }

  @Override
  public ProvingResult prove(ProvingJob job) {
    Variant variant = variant(job.circuit());
    long start = System.nanoTime();
    Map<String, Fr> inputs = new TreeMap<>();
    for (int i = 0; i < job.inputNames().size(); i++) {
      inputs.put(job.inputNames().get(i), job.inputValues().get(i));
    }
    Fr[] witness = Interpreter.solve(variant.circuit(), inputs, Oracles.standard());
    Fr[] assignment = variant.compiled().assignment(witness);
    Proof proof = Prover.prove(variant.key().provingKey(), variant.compiled().r1cs(), assignment, new SecureRandom());
    List<Fr> publicInputs = List.of(variant.compiled().publicInputs(witness));
    return new ProvingResult(variant.name(), KeyCodec.encode(proof), publicInputs,
        (System.nanoTime() - start) / 1_000_000);
  }

  @Override
  public Optional<String> check(ProvingJob job, ProvingResult result) {
    if (!result.circuit().equals(job.circuit())) {
      return Optional.of("proof is for circuit " + result.circuit() + ", the job is " + job.circuit());
    }
    if (!result.publicInputs().equals(job.expectedPublicInputs())) {
      return Optional.of("public inputs " + result.publicInputs() + " differ from the block's "
          + job.expectedPublicInputs());
    }
    Proof proof;
    try {
      proof = KeyCodec.decodeProof(result.proof());
    } catch (IOException | RuntimeException e) {
      return Optional.of("proof does not decode: " + e.getMessage());
    }
    Variant variant = variants.get(job.circuit());
    if (variant == null) {
      return Optional.of("this node has no verifying key for " + job.circuit());
    }
    return Verifier.verify(variant.key().provingKey().verifyingKey(), job.expectedPublicInputs(), proof)
        ? Optional.empty()
        : Optional.of("the pairing check fails for " + job.circuit() + " (verifying key "
            + variant.key().verifyingKeyHash().substring(0, 16) + ")");
  }

  private Variant variant(String circuit) {
    Variant variant = variants.get(circuit);
    if (variant == null) {
      throw new IllegalArgumentException("no key for circuit " + circuit + " in this process (keys for "
          + variants.keySet() + ", obsidian.prover.max-base-capacity = " + maxBaseCapacity + ")");
    }
    return variant;
  }

  private static void putSnapshot(Map<String, Fr> values, String prefix, TreeInfo info) {
    values.put(prefix + ".root", info.root());
    values.put(prefix + ".size", Fr.of(info.size()));
  }

  private static void requireEqual(String what, Object claimed, Object actual, L2Block block) {
    if (!claimed.equals(actual)) {
      throw new IllegalStateException("block " + block.number() + ": " + what + " mismatch, block says " + claimed
          + " but the trees give " + actual);
    }
  }

  /** The base rollup's public wires by name, in R1CS order (checked against the circuit when a variant loads). */
  static final class BaseRollupPublics {
    static final List<String> NAMES = List.of(
        "start.noteHash.root", "start.noteHash.size", "start.nullifier.root", "start.nullifier.size",
        "start.publicData.root", "start.publicData.size",
        "end.noteHash.root", "end.noteHash.size", "end.nullifier.root", "end.nullifier.size",
        "end.publicData.root", "end.publicData.size", "effectsCommitment");

    private BaseRollupPublics() {}

    static void check(Circuit circuit) {
      List<String> names = circuit.io().stream().filter(io -> io.kind().isPublic()).map(CircuitIo::name).toList();
      if (!names.equals(NAMES)) {
        throw new IllegalStateException(circuit.name() + " public wires are " + names + ", expected " + NAMES);
      }
    }
  }
}

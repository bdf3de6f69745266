package dev.obsidian.prover;

import dev.obsidian.actors.BlockProver;
import dev.obsidian.actors.block.BlockBuilder;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
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
import dev.obsidian.circuits.rollup.NamedCircuits;
import dev.obsidian.circuits.rollup.TxTreeEffects;
import dev.obsidian.crypto.field.Fr;
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
 * {@link BlockProver} with Groth16 over the base rollup circuits: one job per tx on the smallest variant that holds
 * its effects, inputs from {@link BaseRollupWitness} (the trees' insertion witnesses while the tx is applied as
 * {@code BlockBuilder} applies it), expected public inputs computed from the fork (start and end snapshots) and
 * {@link TxTreeEffects#commitment()}, proofs checked by {@link Verifier} against the verifying key this process
 * loaded from its key directory.
 *
 * <p>No block-root job yet: the block's own header and archive are checked when planning, not proven.
 */
public final class Groth16BlockProver implements BlockProver {

  /** A base rollup variant ready to prove: its circuit, R1CS and key. */
  public record Variant(int capacity, Circuit circuit, CompiledCircuit compiled, KeyStore.LoadedKey key) {
    public String name() {
      return circuit.name();
    }
  }

  private final Map<String, Variant> variants;
  private final int maxCapacity;

  private Groth16BlockProver(Map<String, Variant> variants, int maxCapacity) {
    this.variants = variants;
    this.maxCapacity = maxCapacity;
  }

  /**
   * Builds the base rollup variants up to {@code maxCapacity} and loads their keys from {@code keys} (making dev keys,
   * INSECURE, when missing). Takes seconds per variant, plus a dev setup the first time.
   */
  public static Groth16BlockProver load(KeyStore keys, int maxCapacity, PrintStream log) {
    Map<String, Variant> variants = new LinkedHashMap<>();
    for (int capacity : NamedCircuits.BASE_ROLLUP_CAPACITIES) {
      if (capacity > maxCapacity) {
        break;
      }
      long start = System.nanoTime();
      Circuit circuit = BaseRollupCircuit.build(capacity, false);
      BaseRollupPublics.check(circuit);
      CompiledCircuit compiled = R1csCompiler.compile(circuit);
      KeyStore.LoadedKey key = keys.loadOrCreate(circuit.name(), compiled.r1cs());
      log.printf("prover: %s ready (%d constraints, key %s, %s) in %.1f s%n", circuit.name(),
          compiled.r1cs().constraints().size(), key.provingKeyHash().substring(0, 16), key.origin(),
          (System.nanoTime() - start) / 1e9);
      variants.put(circuit.name(), new Variant(capacity, circuit, compiled, key));
    }
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("max base capacity " + maxCapacity + " is below the smallest variant "
          + NamedCircuits.BASE_ROLLUP_CAPACITIES.get(0));
    }
    return new Groth16BlockProver(variants, maxCapacity);
  }

  public Map<String, Variant> variants() {
    return variants;
  }

  @Override
  public List<ProvingJob> plan(WorldStateFork parent, L2Block block) {
    requireEqual("lastArchive", block.header().lastArchive(), parent.treeInfo(TreeId.ARCHIVE), block);
    List<ProvingJob> jobs = new ArrayList<>(block.txEffects().size());
    for (int i = 0; i < block.txEffects().size(); i++) {
      jobs.add(baseJob(parent, block.number(), i, treeEffects(block.txEffects().get(i))));
    }
    // Seam for the block-root job (blockroot branch): here `parent` holds the parent state with every tx applied by
    // BaseRollupWitness, which is what BlockRootWitness.apply(fork, BlockRootData, capacity) takes; the job would be
    // appended after the base jobs and can run in parallel with them (the block root does not verify the base proofs
    // recursively; L1 checks them all in one batch). It needs each tx's published "other" fields and
    // K = keccak256(effects calldata) mod r from l1's EffectsEncoding, which this module cannot see yet.
    BlockBuilder.appendL1ToL2Messages(parent, block.l1ToL2Messages()); // as BlockBuilder.seal does
    requireEqual("state", block.header().state(), StateReference.of(parent), block);
    parent.appendLeaves(TreeId.ARCHIVE, List.of(block.hash()));
    requireEqual("archive", block.archive(), parent.treeInfo(TreeId.ARCHIVE), block);
    return jobs;
  }

  /** The base rollup job of one tx, applying it to {@code fork}. */
  public static ProvingJob baseJob(WorldStateFork fork, long blockNumber, int index, TxTreeEffects effects) {
    int capacity = NamedCircuits.smallestBaseRollupCapacity(effects);
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

  /** What the base rollup proves of a tx: its tree effects (public data writes by leaf slot). */
  public static TxTreeEffects treeEffects(TxEffect effect) {
    TxEffects effects = effect.effects();
    return new TxTreeEffects(effects.noteHashes(), effects.nullifiers(), effects.publicDataWrites().stream()
        .map(write -> new TxTreeEffects.PublicWrite(write.leafSlot(), write.value())).toList());
  }

  @Override
  public Optional<String> cannotProve(ProvingJob job) {
    return variants.containsKey(job.circuit()) ? Optional.empty()
        : Optional.of("no key for " + job.circuit() + " (keys for " + variants.keySet()
            + ", obsidian.prover.max-base-capacity = " + maxCapacity + ")");
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
          + variants.keySet() + ", obsidian.prover.max-base-capacity = " + maxCapacity + ")");
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

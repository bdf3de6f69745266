package dev.obsidian.node.cli.circuits;

import dev.obsidian.actors.BlockProver;
import dev.obsidian.actors.block.BlockHeader;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.circuits.groth16.KeyStore;
import dev.obsidian.circuits.groth16.Proof;
import dev.obsidian.circuits.groth16.Prover;
import dev.obsidian.circuits.groth16.Verifier;
import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.circuits.ir.CompiledCircuit;
import dev.obsidian.circuits.ir.Interpreter;
import dev.obsidian.circuits.ir.Oracles;
import dev.obsidian.circuits.ir.R1csCompiler;
import dev.obsidian.circuits.rollup.BaseRollupCircuit;
import dev.obsidian.circuits.rollup.BlockRootCircuit;
import dev.obsidian.circuits.rollup.BlockRootData;
import dev.obsidian.circuits.rollup.BlockRootWitness;
import dev.obsidian.circuits.rollup.BlockTx;
import dev.obsidian.circuits.rollup.NamedCircuits;
import dev.obsidian.circuits.rollup.PublishedEffects;
import dev.obsidian.circuits.rollup.TxTreeEffects;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.l1.EffectsEncoding;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.prover.Groth16BlockProver;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The proving work of a 1-tx block, timed: block 1 on the genesis state with one tx filling the base rollup
 * variant; the tx's base rollup (the node's own job, {@link Groth16BlockProver#baseJob}) and then the
 * block root of the same block ({@link BlockRootWitness} on the same fork, {@code block-root-1}), each solved and
 * proven one after the other on all cores, as the node's workers would. Both proofs are checked by the verifier
 * against public inputs computed from the trees (not timed). Keys come from the key directory (made once by the dev
 * setup, not timed).
 */
final class BlockProofBench {
  /** The other published fields of the bench's tx: a private transfer's logs (as in RollupBenchInputs). */
  private static final int OTHER_FIELDS = 37;

  private BlockProofBench() {}

  /** A circuit ready to prove. */
  private record Ready(Circuit circuit, CompiledCircuit compiled, KeyStore.LoadedKey key) {
    String name() {
      return circuit.name();
    }
  }

  /** One proof's phases, in seconds. */
  private record Phases(double solve, double assignment, Prover.Timings prover) {
    double total() {
      return solve + assignment + prover.totalSeconds();
    }
  }

  static void run(String circuit, Path keyDir, int repetitions, PrintStream out) {
    int capacity = NamedCircuits.BASE_ROLLUP_CAPACITIES.stream()
        .filter(c -> BaseRollupCircuit.name(c).equals(circuit)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("--block: expected one of base-rollup-2, base-rollup-8, "
            + "base-rollup-64, got '" + circuit + "'"));
    KeyStore keys = new KeyStore(keyDir, out);
    Ready base = ready(BaseRollupCircuit.build(capacity, false), keys, out);
    Ready root = ready(BlockRootCircuit.build(1, false), keys, out);
    int cores = Runtime.getRuntime().availableProcessors();
    double best = Double.MAX_VALUE;
    for (int i = 0; i < repetitions; i++) {
      BlockTx tx = fullTx(capacity, i);
      long start = System.nanoTime();
      Map<String, Fr> baseInputs;
      List<Fr> baseExpected;
      BlockRootWitness.Result rootWitness;
      try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
        List<Fr> genesisHeader = genesisHeader(fork);
        // the node's own base job: its inputs and the public inputs the node expects
        BlockProver.ProvingJob job = Groth16BlockProver.baseJob(fork, 1, 0, tx.tree());
        if (!job.circuit().equals(base.name())) {
          throw new IllegalStateException("the bench's tx needs " + job.circuit() + ", not " + base.name());
        }
        baseInputs = new TreeMap<>();
        for (int k = 0; k < job.inputNames().size(); k++) {
          baseInputs.put(job.inputNames().get(k), job.inputValues().get(k));
        }
        baseExpected = job.expectedPublicInputs();
        List<Fr> globals = List.of(Fr.of(31337), Fr.ONE, Fr.ONE, Fr.ONE, Fr.of(1_700_000_000L), Fr.ZERO, Fr.ZERO,
            Fr.ZERO, Fr.ZERO);
        Fr effectsKey = EffectsEncoding.effectsKey(PublishedEffects.bytes(PublishedEffects.fields(List.of(tx))));
        rootWitness = BlockRootWitness.apply(fork, new BlockRootData(genesisHeader, globals, Fr.ZERO, List.of(tx),
            List.of(), effectsKey), 1);
      }
      double inputs = (System.nanoTime() - start) / 1e9;
      Proof[] baseProof = new Proof[1];
      Phases basePhases = prove(base, baseInputs, baseProof);
      Proof[] rootProof = new Proof[1];
      Phases rootPhases = prove(root, rootWitness.inputs(), rootProof);
      double total = (System.nanoTime() - start) / 1e9;

      verify(base, baseExpected, baseProof[0]);
      verify(root, rootWitness.publicInputs(), rootProof[0]);
      best = Math.min(best, total);
      out.printf(Locale.ROOT, "run %d: witness inputs (trees, both circuits) %.3f s%n", i + 1, inputs);
      print(out, base, basePhases);
      print(out, root, rootPhases);
      out.printf(Locale.ROOT, "run %d: 1-tx block %.2f s (witness inputs %.2f + %s %.2f + %s %.2f), both proofs "
              + "verified%n", i + 1, total, inputs, base.name(), basePhases.total(), root.name(), rootPhases.total());
    }
    out.printf(Locale.ROOT, "1-tx block proven in %.2f s (%s + %s, best of %d, %d cores)%n", best, base.name(),
        root.name(), repetitions, cores);
  }

  private static Ready ready(Circuit circuit, KeyStore keys, PrintStream out) {
    long start = System.nanoTime();
    CompiledCircuit compiled = R1csCompiler.compile(circuit);
    KeyStore.LoadedKey key = keys.loadOrCreate(circuit.name(), compiled.r1cs());
    out.printf(Locale.ROOT, "%s ready (%d constraints, key %s, %s) in %.1f s (not timed)%n", circuit.name(),
        compiled.r1cs().constraints().size(), key.provingKeyHash().substring(0, 16), key.origin(),
        (System.nanoTime() - start) / 1e9);
    return new Ready(circuit, compiled, key);
  }

  private static Phases prove(Ready ready, Map<String, Fr> inputs, Proof[] proof) {
    long start = System.nanoTime();
    Fr[] witness = Interpreter.solve(ready.circuit(), inputs, Oracles.standard());
    long solved = System.nanoTime();
    Fr[] assignment = ready.compiled().assignment(witness);
    long assigned = System.nanoTime();
    Prover.Result result = Prover.proveTimed(ready.key().provingKey(), ready.compiled().r1cs(), assignment,
        new SecureRandom());
    proof[0] = result.proof();
    return new Phases((solved - start) / 1e9, (assigned - solved) / 1e9, result.timings());
  }

  private static void verify(Ready ready, List<Fr> publicInputs, Proof proof) {
    if (!Verifier.verify(ready.key().provingKey().verifyingKey(), publicInputs, proof)) {
      throw new IllegalStateException("the " + ready.name() + " proof was rejected by the verifier");
    }
  }

  private static void print(PrintStream out, Ready ready, Phases p) {
    Prover.Timings t = p.prover();
    out.printf(Locale.ROOT, "  %s: solve %.3f s, assignment %.3f s, limbs %.3f s, constraint evaluation + "
            + "quotient %.3f s, FFT %.3f s, MSM %.3f s (A %.3f, B1 %.3f, B2 in G2 %.3f, L %.3f, H %.3f), "
            + "proof %.3f s, total %.3f s%n", ready.name(), p.solve(), p.assignment(), t.prepareSeconds(),
        t.quotientSeconds(), t.fftSeconds(), t.msmSeconds(), t.msmASeconds(), t.msmB1Seconds(), t.msmB2Seconds(),
        t.msmLSeconds(), t.msmHSeconds(), t.totalSeconds(), p.total());
  }

  /** The genesis block header's 22 fields (its hash is checked against the protocol constant). */
  private static List<Fr> genesisHeader(WorldStateFork genesis) {
    BlockHeader header = BlockHeader.genesis(StateReference.of(genesis));
    if (!header.hash().equals(Constants.GENESIS_BLOCK_HEADER_HASH)) {
      throw new IllegalStateException("genesis header hash " + header.hash() + " is not GENESIS_BLOCK_HEADER_HASH");
    }
    return header.toFields();
  }

  /**
   * A tx that fills the variant: {@code capacity} of each tree effect and {@value #OTHER_FIELDS} other published
   * fields, random but fixed by the repetition.
   */
  private static BlockTx fullTx(int capacity, int seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Fr> noteHashes = new ArrayList<>();
    List<Fr> nullifiers = new ArrayList<>();
    List<TxTreeEffects.PublicWrite> writes = new ArrayList<>();
    for (int i = 0; i < capacity; i++) {
      noteHashes.add(field(random));
      nullifiers.add(field(random));
      writes.add(new TxTreeEffects.PublicWrite(field(random), field(random)));
    }
    List<Fr> others = new ArrayList<>();
    for (int i = 0; i < OTHER_FIELDS; i++) {
      others.add(field(random));
    }
    return new BlockTx(field(random), Fr.of(1000), new TxTreeEffects(noteHashes, nullifiers, writes), others);
  }

  private static Fr field(SplittableRandom random) {
    return Fr.of(random.nextLong(1, Long.MAX_VALUE)).mul(Fr.of(random.nextLong(1, Long.MAX_VALUE)));
  }
}

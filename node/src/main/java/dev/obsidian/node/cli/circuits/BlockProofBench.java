package dev.obsidian.node.cli.circuits;

import dev.obsidian.actors.BlockProver;
import dev.obsidian.circuits.groth16.KeyStore;
import dev.obsidian.circuits.rollup.BaseRollupCircuit;
import dev.obsidian.circuits.rollup.NamedCircuits;
import dev.obsidian.circuits.rollup.TxTreeEffects;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.prover.Groth16BlockProver;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The node's proving path for a 1-tx block, timed: the tx's base rollup job planned on the genesis state (witness
 * from the trees), proven (circuit solved, Groth16) and checked by the verifier, exactly as a worker and the
 * coordinator do. Keys come from the key directory (made once by the dev setup, not timed).
 */
final class BlockProofBench {
  private BlockProofBench() {}

  static void run(String circuit, Path keyDir, int repetitions, PrintStream out) {
    int capacity = NamedCircuits.BASE_ROLLUP_CAPACITIES.stream()
        .filter(c -> BaseRollupCircuit.name(c).equals(circuit)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("--circuit: expected one of base-rollup-2, base-rollup-8, "
            + "base-rollup-64, got '" + circuit + "'"));
    Groth16BlockProver prover = Groth16BlockProver.load(new KeyStore(keyDir, out), capacity, out);
    double best = Double.MAX_VALUE;
    for (int i = 0; i < repetitions; i++) {
      long start = System.nanoTime();
      BlockProver.ProvingJob job;
      try (WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
        job = Groth16BlockProver.baseJob(genesis, 1, 0, fullTx(capacity, i));
      }
      long planned = System.nanoTime();
      BlockProver.ProvingResult result = prover.prove(job);
      long proven = System.nanoTime();
      var rejection = prover.check(job, result);
      long checked = System.nanoTime();
      if (rejection.isPresent()) {
        throw new IllegalStateException("the proof was rejected: " + rejection.get());
      }
      double total = (checked - start) / 1e9;
      best = Math.min(best, total);
      out.printf("1-tx block (%s, %d note hashes / nullifiers / public writes): witness inputs %.2f s, solve + "
              + "prove %.2f s, verify %.3f s, total %.2f s%n", job.circuit(), capacity, (planned - start) / 1e9,
          (proven - planned) / 1e9, (checked - proven) / 1e9, total);
    }
    out.printf("1-tx block proven in %.2f s (%s, best of %d, %d cores)%n", best, circuit, repetitions,
        Runtime.getRuntime().availableProcessors());
  }

  /** A tx that fills the variant: {@code capacity} of each effect, random but fixed by the repetition. */
  private static TxTreeEffects fullTx(int capacity, int seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Fr> noteHashes = new ArrayList<>();
    List<Fr> nullifiers = new ArrayList<>();
    List<TxTreeEffects.PublicWrite> writes = new ArrayList<>();
    for (int i = 0; i < capacity; i++) {
      noteHashes.add(Fr.of(random.nextLong(1, Long.MAX_VALUE)));
      nullifiers.add(Fr.of(random.nextLong(1, Long.MAX_VALUE)));
      writes.add(new TxTreeEffects.PublicWrite(Fr.of(random.nextLong(1, Long.MAX_VALUE)), Fr.of(random.nextLong())));
    }
    return new TxTreeEffects(noteHashes, nullifiers, writes);
  }
}

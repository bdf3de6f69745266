package dev.obsidian.circuits.demo;

import dev.obsidian.circuits.bench.ProverBench;
import dev.obsidian.crypto.field.Fr;

/** Ad-hoc: java -cp ... dev.obsidian.circuits.demo.BenchMain LOG2 REPS */
public final class BenchMain {
  public static void main(String[] args) {
    int log2 = Integer.parseInt(args[0]);
    long start = System.nanoTime();
    Poseidon2ChainCircuit.Instance instance =
        Poseidon2ChainCircuit.build(Poseidon2ChainCircuit.permutationsFor((1 << log2) - 3), Fr.of(7));
    double witness = (System.nanoTime() - start) / 1e9;
    ProverBench.run("poseidon2-chain", instance.r1cs(), instance.witness(), witness, Integer.parseInt(args[1]),
        System.out);
  }
}

package dev.obsidian.circuits.snarkjs;

import dev.obsidian.circuits.groth16.TestCircuits;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the tiny test circuit (out = x³ + x + 5, x = 3) as {@code tiny.r1cs} and {@code tiny.wtns} into a directory;
 * {@code circuits/snarkjs/make-reference.sh} runs this, then has snarkjs set up, prove and verify on those files.
 */
public final class WriteTinyCircuit {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    TestCircuits.Instance instance = TestCircuits.cubic(3);
    R1csFile.write(instance.r1cs(), dir.resolve("tiny.r1cs"));
    WtnsFile.write(instance.witness(), dir.resolve("tiny.wtns"));
  }
}

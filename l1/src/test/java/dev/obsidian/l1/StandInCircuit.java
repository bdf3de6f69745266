package dev.obsidian.l1;

import dev.obsidian.circuits.builder.CircuitBuilder;
import dev.obsidian.circuits.builder.Value;
import dev.obsidian.circuits.groth16.DevSetup;
import dev.obsidian.circuits.groth16.Proof;
import dev.obsidian.circuits.groth16.Prover;
import dev.obsidian.circuits.groth16.ProvingKey;
import dev.obsidian.circuits.groth16.Verifier;
import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.circuits.ir.CompiledCircuit;
import dev.obsidian.circuits.ir.Interpreter;
import dev.obsidian.circuits.ir.Oracles;
import dev.obsidian.circuits.ir.R1csCompiler;
import dev.obsidian.crypto.field.Fr;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A builder circuit with n public inputs x_i and one private input s, constrained to s = Σ x_i². NOT a block proof:
 * it stands in for the block-root circuit (which does not exist yet) where a test needs n public inputs proven by
 * our Groth16 prover (dev setup).
 */
final class StandInCircuit {
  final CompiledCircuit compiled;
  final ProvingKey provingKey;

  StandInCircuit(int inputs, String setupSeed) {
    CircuitBuilder builder = new CircuitBuilder(false);
    Value sum = Value.ZERO;
    for (int i = 0; i < inputs; i++) {
      Value x = builder.publicInput("x[" + i + "]");
      sum = sum.plus(builder.square(x));
    }
    builder.assertEqual(sum, builder.privateInput("s"));
    Circuit circuit = builder.build("stand-in-" + inputs);
    compiled = R1csCompiler.compile(circuit);
    provingKey = DevSetup.generate(compiled.r1cs(), setupSeed.getBytes(StandardCharsets.UTF_8),
        new PrintStream(OutputStream.nullOutputStream())); // a test key: the dev setup's warning is known here
  }

  /** A proof that {@code inputs} are the public inputs, checked by our Java verifier before it is returned. */
  Proof prove(List<Fr> inputs, long seed) {
    Map<String, Fr> values = new TreeMap<>();
    Fr sum = Fr.ZERO;
    for (int i = 0; i < inputs.size(); i++) {
      values.put("x[" + i + "]", inputs.get(i));
      sum = sum.add(inputs.get(i).square());
    }
    values.put("s", sum);
    Fr[] witness = Interpreter.solve(compiled.circuit(), values, Oracles.standard());
    Proof proof = Prover.prove(provingKey, compiled.r1cs(), compiled.assignment(witness), new SplittableRandom(seed));
    if (!Verifier.verify(provingKey.verifyingKey(), inputs, proof)) {
      throw new IllegalStateException("the stand-in proof does not verify in Java");
    }
    return proof;
  }
}

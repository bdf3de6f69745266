package dev.obsidian.circuits.groth16;

import dev.obsidian.circuits.r1cs.Constraint;
import dev.obsidian.circuits.r1cs.LinearCombination;
import dev.obsidian.circuits.r1cs.R1cs;
import dev.obsidian.circuits.r1cs.Term;
import dev.obsidian.crypto.field.Fr;
import java.util.ArrayList;
import java.util.List;

/** Small R1CS instances with their witnesses for tests. */
public final class TestCircuits {
  private TestCircuits() {}

  public record Instance(R1cs r1cs, Fr[] witness) {
    public List<Fr> publicInputs() {
      return List.of(witness).subList(1, r1cs.numPublic() + 1);
    }
  }

  /** out = x³ + x + 5 with out public: wires 1, out, x, x², x³. */
  public static Instance cubic(long x) {
    Fr fx = Fr.of(x);
    Fr x2 = fx.square();
    Fr x3 = x2.mul(fx);
    Fr out = x3.add(fx).add(Fr.of(5));
    List<Constraint> constraints = List.of(
        new Constraint(LinearCombination.of(2, Fr.ONE), LinearCombination.of(2, Fr.ONE), LinearCombination.of(3, Fr.ONE)),
        new Constraint(LinearCombination.of(3, Fr.ONE), LinearCombination.of(2, Fr.ONE), LinearCombination.of(4, Fr.ONE)),
        new Constraint(new LinearCombination(List.of(new Term(0, Fr.of(5)), new Term(2, Fr.ONE), new Term(4, Fr.ONE))),
            LinearCombination.of(0, Fr.ONE), LinearCombination.of(1, Fr.ONE)));
    return new Instance(new R1cs(1, 5, constraints), new Fr[] {Fr.ONE, out, fx, x2, x3});
  }

  /**
   * A chain y_{i+1} = y_i² + k_i·y_i + c (one constraint each), public (y_0, y_last), sized to exercise FFT/MSM
   * across thresholds.
   */
  public static Instance chain(int length, long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    int numWires = length + 3; // 1, y_last (public), y_0 (public), y_1..y_length
    List<Constraint> constraints = new ArrayList<>();
    Fr[] w = new Fr[numWires];
    w[0] = Fr.ONE;
    w[2] = Fr.of(random.nextLong());
    for (int i = 0; i < length; i++) {
      int in = 2 + i;
      int outWire = 3 + i;
      Fr k = Fr.of(random.nextLong() | 1);
      Fr c = Fr.of(random.nextLong() | 1);
      w[outWire] = w[in].square().add(k.mul(w[in])).add(c);
      // (y + k)·y = y' - c
      constraints.add(new Constraint(new LinearCombination(List.of(new Term(0, k), new Term(in, Fr.ONE))),
          LinearCombination.of(in, Fr.ONE),
          new LinearCombination(List.of(new Term(0, c.neg()), new Term(outWire, Fr.ONE)))));
    }
    w[1] = w[numWires - 1];
    constraints.add(new Constraint(LinearCombination.of(numWires - 1, Fr.ONE), LinearCombination.of(0, Fr.ONE),
        LinearCombination.of(1, Fr.ONE)));
    return new Instance(new R1cs(2, numWires, constraints), w);
  }
}

package dev.obsidian.circuits.demo;

import dev.obsidian.circuits.r1cs.Constraint;
import dev.obsidian.circuits.r1cs.LinearCombination;
import dev.obsidian.circuits.r1cs.R1cs;
import dev.obsidian.circuits.r1cs.Term;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The prover demo and benchmark circuit: s_0 = (x, 0, 0, 0), s_{i+1} = Poseidon2(s_i) for N permutations, public
 * (out = s_N[0], x). Written directly as R1CS (each S-box x⁵ is three constraints, the linear layers fold into the
 * linear combinations), with its witness computed alongside. Standalone until the circuit IR's Poseidon2 gadget
 * replaces it.
 */
public final class Poseidon2ChainCircuit {
  /** External MDS matrix of barretenberg's Poseidon2 (t = 4). */
  private static final long[][] EXTERNAL = {{5, 7, 1, 3}, {4, 6, 1, 1}, {1, 3, 5, 7}, {1, 1, 4, 6}};
  private static final int OUT_WIRE = 1;
  private static final int IN_WIRE = 2;

  private final List<Constraint> constraints = new ArrayList<>();
  private final List<Fr> witness = new ArrayList<>();

  /** An R1CS and a satisfying witness. */
  public record Instance(R1cs r1cs, Fr[] witness) {
    public List<Fr> publicInputs() {
      return List.of(witness[OUT_WIRE], witness[IN_WIRE]);
    }
  }

  private Poseidon2ChainCircuit() {}

  public static int constraintsPerPermutation() {
    return 3 * (Poseidon2Parameters.FULL_ROUNDS * Poseidon2Parameters.WIDTH + Poseidon2Parameters.PARTIAL_ROUNDS);
  }

  /** The chain of {@code permutations} Poseidon2 permutations starting from x. */
  public static Instance build(int permutations, Fr x) {
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations must be >= 1, got " + permutations);
    }
    Poseidon2ChainCircuit circuit = new Poseidon2ChainCircuit();
    circuit.witness.add(Fr.ONE);
    circuit.witness.add(Fr.ZERO); // out: set at the end
    circuit.witness.add(x);
    List<TreeMap<Integer, Fr>> state = new ArrayList<>();
    state.add(single(IN_WIRE));
    for (int i = 1; i < 4; i++) {
      state.add(new TreeMap<>());
    }
    for (int p = 0; p < permutations; p++) {
      state = circuit.permutation(state);
    }
    TreeMap<Integer, Fr> out = state.get(0);
    circuit.witness.set(OUT_WIRE, circuit.value(out));
    circuit.constraints.add(new Constraint(lc(out), LinearCombination.of(0, Fr.ONE),
        LinearCombination.of(OUT_WIRE, Fr.ONE)));
    Fr[] w = circuit.witness.toArray(Fr[]::new);
    return new Instance(new R1cs(2, w.length, circuit.constraints), w);
  }

  /** Permutations needed for about {@code constraints} constraints. */
  public static int permutationsFor(int constraints) {
    return Math.max(1, (constraints - 1) / constraintsPerPermutation());
  }

  private List<TreeMap<Integer, Fr>> permutation(List<TreeMap<Integer, Fr>> s) {
    s = external(s);
    int half = Poseidon2Parameters.FULL_ROUNDS / 2;
    for (int round = 0; round < half; round++) {
      s = fullRound(s, Poseidon2Parameters.fullRoundConstants(round));
    }
    for (int round = 0; round < Poseidon2Parameters.PARTIAL_ROUNDS; round++) {
      s.set(0, sbox(plusConstant(s.get(0), Poseidon2Parameters.partialRoundConstant(round))));
      s = internal(s);
    }
    for (int round = half; round < Poseidon2Parameters.FULL_ROUNDS; round++) {
      s = fullRound(s, Poseidon2Parameters.fullRoundConstants(round));
    }
    return s;
  }

  private List<TreeMap<Integer, Fr>> fullRound(List<TreeMap<Integer, Fr>> s, List<Fr> constants) {
    List<TreeMap<Integer, Fr>> out = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      out.add(sbox(plusConstant(s.get(i), constants.get(i))));
    }
    return external(out);
  }

  private static List<TreeMap<Integer, Fr>> external(List<TreeMap<Integer, Fr>> s) {
    List<TreeMap<Integer, Fr>> out = new ArrayList<>();
    for (long[] row : EXTERNAL) {
      TreeMap<Integer, Fr> sum = new TreeMap<>();
      for (int j = 0; j < 4; j++) {
        addScaled(sum, s.get(j), Fr.of(row[j]));
      }
      out.add(sum);
    }
    return out;
  }

  /** x_i ↦ (μ_i - 1)·x_i + Σ x. */
  private static List<TreeMap<Integer, Fr>> internal(List<TreeMap<Integer, Fr>> s) {
    TreeMap<Integer, Fr> sum = new TreeMap<>();
    for (TreeMap<Integer, Fr> x : s) {
      addScaled(sum, x, Fr.ONE);
    }
    List<TreeMap<Integer, Fr>> out = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      TreeMap<Integer, Fr> next = new TreeMap<>(sum);
      addScaled(next, s.get(i), Poseidon2Parameters.internalDiagonalMinusOne().get(i));
      out.add(next);
    }
    return out;
  }

  /** y = x⁵ as x·x = x2, x2·x2 = x4, x4·x = y; returns y as a single-wire combination. */
  private TreeMap<Integer, Fr> sbox(TreeMap<Integer, Fr> x) {
    Fr value = value(x);
    int x2 = newWire(value.square());
    int x4 = newWire(witness.get(x2).square());
    int y = newWire(witness.get(x4).mul(value));
    constraints.add(new Constraint(lc(x), lc(x), LinearCombination.of(x2, Fr.ONE)));
    constraints.add(new Constraint(LinearCombination.of(x2, Fr.ONE), LinearCombination.of(x2, Fr.ONE),
        LinearCombination.of(x4, Fr.ONE)));
    constraints.add(new Constraint(LinearCombination.of(x4, Fr.ONE), lc(x), LinearCombination.of(y, Fr.ONE)));
    return single(y);
  }

  private int newWire(Fr value) {
    witness.add(value);
    return witness.size() - 1;
  }

  private Fr value(TreeMap<Integer, Fr> x) {
    Fr sum = Fr.ZERO;
    for (Map.Entry<Integer, Fr> term : x.entrySet()) {
      sum = sum.add(term.getValue().mul(witness.get(term.getKey())));
    }
    return sum;
  }

  private static TreeMap<Integer, Fr> plusConstant(TreeMap<Integer, Fr> x, Fr constant) {
    TreeMap<Integer, Fr> out = new TreeMap<>(x);
    addScaled(out, single(0), constant);
    return out;
  }

  private static void addScaled(TreeMap<Integer, Fr> sum, TreeMap<Integer, Fr> x, Fr factor) {
    for (Map.Entry<Integer, Fr> term : x.entrySet()) {
      Fr merged = sum.getOrDefault(term.getKey(), Fr.ZERO).add(term.getValue().mul(factor));
      if (merged.isZero()) {
        sum.remove(term.getKey());
      } else {
        sum.put(term.getKey(), merged);
      }
    }
  }

  private static TreeMap<Integer, Fr> single(int wire) {
    TreeMap<Integer, Fr> x = new TreeMap<>();
    x.put(wire, Fr.ONE);
    return x;
  }

  private static LinearCombination lc(TreeMap<Integer, Fr> x) {
    List<Term> terms = new ArrayList<>();
    x.forEach((wire, coefficient) -> terms.add(new Term(wire, coefficient)));
    return new LinearCombination(terms);
  }
}

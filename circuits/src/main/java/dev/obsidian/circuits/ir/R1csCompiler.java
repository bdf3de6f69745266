package dev.obsidian.circuits.ir;

import dev.obsidian.circuits.r1cs.Constraint;
import dev.obsidian.circuits.r1cs.LinearCombination;
import dev.obsidian.circuits.r1cs.R1cs;
import dev.obsidian.circuits.r1cs.Term;
import dev.obsidian.crypto.field.Fr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles a circuit to R1CS over snarkjs's wire layout. Witnesses fixed by a product-free assert-zero where they
 * first appear are substituted by their linear combination and get no wire ({@link LinearElimination}). Each other
 * assert-zero is one constraint ({@code q·A · B = -(linear + k)} with A, B the (substituted) factors, or {@code
 * (linear + k) · 1 = 0} without a product); a boolean check is {@code w · w = w}; an n-bit range check becomes n
 * boolean bit wires and {@code (Σ 2^i·bit_i - w) · 1 = 0}. Hints compile to nothing.
 */
public final class R1csCompiler {
  private final Circuit circuit;
  private final LinearElimination elimination;
  private final int[] wireOfWitness;
  /** The wire combination standing for each eliminated witness (null for witnesses with a wire). */
  private final LinearCombination[] substitutes;
  private final List<Constraint> constraints = new ArrayList<>();
  private final List<Integer> origins = new ArrayList<>();
  private final List<CompiledCircuit.BitExpansion> expansions = new ArrayList<>();
  private int nextWire;

  private R1csCompiler(Circuit circuit) {
    this.circuit = circuit;
    this.elimination = LinearElimination.of(circuit);
    this.wireOfWitness = wireLayout(circuit, elimination);
    this.substitutes = new LinearCombination[circuit.numWitnesses()];
    this.nextWire = circuit.numWitnesses() - elimination.eliminatedCount + 1;
  }

  public static CompiledCircuit compile(Circuit circuit) {
    return new R1csCompiler(circuit).run();
  }

  /** Number of R1CS constraints the circuit compiles to, without building them. */
  public static long constraintCount(Circuit circuit) {
    long count = -LinearElimination.of(circuit).eliminatedCount;
    for (Opcode opcode : circuit.opcodes()) {
      count += switch (opcode) {
        case Opcode.AssertZero assertZero -> 1;
        case Opcode.RangeCheck range -> range.bits() == 1 ? 1 : range.bits() + 1L;
        case Opcode.Hint hint -> 0;
      };
    }
    return count;
  }

  /** Number of R1CS wires (wire 0, the witnesses kept, range-check bits), without building the system. */
  public static long wireCount(Circuit circuit) {
    long count = 1L + circuit.numWitnesses() - LinearElimination.of(circuit).eliminatedCount;
    for (Opcode opcode : circuit.opcodes()) {
      if (opcode instanceof Opcode.RangeCheck range && range.bits() > 1) {
        count += range.bits();
      }
    }
    return count;
  }

  private CompiledCircuit run() {
    List<Opcode> opcodes = circuit.opcodes();
    for (int i = 0; i < opcodes.size(); i++) {
      switch (opcodes.get(i)) {
        case Opcode.AssertZero assertZero -> assertZero(assertZero.expression(), i);
        case Opcode.RangeCheck range -> rangeCheck(range, i);
        case Opcode.Hint hint -> { }
      }
    }
    int numPublic = circuit.publicWitnesses().length;
    R1cs r1cs = new R1cs(numPublic, nextWire, constraints);
    return new CompiledCircuit(circuit, r1cs, wireOfWitness, origins.stream().mapToInt(Integer::intValue).toArray(),
        expansions, substitutes.clone());
  }

  /** Public witnesses on wires 1..P in io order, then every other kept witness in index order; -1 if eliminated. */
  private static int[] wireLayout(Circuit circuit, LinearElimination elimination) {
    int[] wires = new int[circuit.numWitnesses()];
    Arrays.fill(wires, -1);
    int[] publicWitnesses = circuit.publicWitnesses();
    for (int i = 0; i < publicWitnesses.length; i++) {
      wires[publicWitnesses[i]] = i + 1;
    }
    int next = publicWitnesses.length + 1;
    for (int w = 0; w < wires.length; w++) {
      if (wires[w] < 0 && !elimination.isEliminated(w)) {
        wires[w] = next++;
      }
    }
    return wires;
  }

  private void add(Constraint constraint, int opcode) {
    constraints.add(constraint);
    origins.add(opcode);
  }

  private void assertZero(Expression expression, int opcode) {
    int defined = definedHere(expression, opcode);
    if (defined >= 0) {
      substitutes[defined] = solveFor(expression, defined);
      return;
    }
    LinearCombination one = LinearCombination.of(0, Fr.ONE);
    if (expression.product().isEmpty()) {
      add(new Constraint(combination(expression.linear(), expression.constant(), Fr.ONE, -1), one,
          LinearCombination.ZERO), opcode);
      return;
    }
    Product product = expression.product().get();
    add(new Constraint(
        scaled(wireForm(product.left()), product.coefficient()),
        wireForm(product.right()),
        combination(expression.linear(), expression.constant(), Fr.ONE.neg(), -1)), opcode);
  }

  private int definedHere(Expression expression, int opcode) {
    for (WitnessTerm term : expression.linear()) {
      if (elimination.definingOpcode[term.witness()] == opcode) {
        return term.witness();
      }
    }
    return -1;
  }

  /** The eliminated witness w from Σ c_i·w_i + c·w + k = 0: w = -(Σ c_i·w_i + k) / c, on wires. */
  private LinearCombination solveFor(Expression expression, int witness) {
    Fr coefficient = expression.linear().stream().filter(term -> term.witness() == witness).findFirst()
        .orElseThrow().coefficient();
    Fr scale = coefficient.inverse().neg();
    return combination(expression.linear(), expression.constant(), scale, witness);
  }

  private void rangeCheck(Opcode.RangeCheck range, int opcode) {
    int wire = wireOfWitness[range.witness()];
    if (range.bits() == 1) {
      LinearCombination w = LinearCombination.of(wire, Fr.ONE);
      add(new Constraint(w, w, w), opcode);
      return;
    }
    int first = nextWire;
    nextWire += range.bits();
    expansions.add(new CompiledCircuit.BitExpansion(range.witness(), range.bits(), first));
    List<Term> sum = new ArrayList<>(range.bits() + 1);
    sum.add(new Term(wire, Fr.ONE.neg()));
    Fr power = Fr.ONE;
    for (int bit = 0; bit < range.bits(); bit++) {
      LinearCombination b = LinearCombination.of(first + bit, Fr.ONE);
      add(new Constraint(b, b, b), opcode);
      sum.add(new Term(first + bit, power));
      power = power.add(power);
    }
    sum.sort(Comparator.comparingInt(Term::wire));
    add(new Constraint(new LinearCombination(sum), LinearCombination.of(0, Fr.ONE), LinearCombination.ZERO), opcode);
  }

  /** The wire form of a witness: its wire, or its substitute. */
  private LinearCombination wireForm(int witness) {
    LinearCombination substitute = substitutes[witness];
    return substitute != null ? substitute : LinearCombination.of(wireOfWitness[witness], Fr.ONE);
  }

  private static LinearCombination scaled(LinearCombination lc, Fr factor) {
    List<Term> terms = new ArrayList<>(lc.terms().size());
    for (Term term : lc.terms()) {
      terms.add(new Term(term.wire(), term.coefficient().mul(factor)));
    }
    return new LinearCombination(terms);
  }

  /** scale·(linear + constant) on wires, substitutes expanded, skipping witness {@code except}. */
  private LinearCombination combination(List<WitnessTerm> linear, Fr constant, Fr scale, int except) {
    Map<Integer, Fr> sum = new TreeMap<>();
    if (!constant.isZero()) {
      sum.put(0, constant.mul(scale));
    }
    for (WitnessTerm term : linear) {
      if (term.witness() == except) {
        continue;
      }
      Fr factor = term.coefficient().mul(scale);
      LinearCombination substitute = substitutes[term.witness()];
      if (substitute == null) {
        sum.merge(wireOfWitness[term.witness()], factor, Fr::add);
      } else {
        for (Term inner : substitute.terms()) {
          sum.merge(inner.wire(), inner.coefficient().mul(factor), Fr::add);
        }
      }
    }
    List<Term> terms = new ArrayList<>(sum.size());
    sum.forEach((wire, coefficient) -> {
      if (!coefficient.isZero()) {
        terms.add(new Term(wire, coefficient));
      }
    });
    return new LinearCombination(terms);
  }
}

package dev.obsidian.circuits.ir;

import dev.obsidian.circuits.r1cs.Constraint;
import dev.obsidian.circuits.r1cs.LinearCombination;
import dev.obsidian.circuits.r1cs.R1cs;
import dev.obsidian.circuits.r1cs.Term;
import dev.obsidian.crypto.field.Fr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compiles a circuit to R1CS over snarkjs's wire layout. Each assert-zero is one constraint ({@code q·a · b =
 * -(linear + k)}, or {@code (linear + k) · 1 = 0} without a product); a boolean check is {@code w · w = w}; an n-bit
 * range check becomes n boolean bit wires and {@code (Σ 2^i·bit_i - w) · 1 = 0}. Hints compile to nothing.
 */
public final class R1csCompiler {
  private final Circuit circuit;
  private final int[] wireOfWitness;
  private final List<Constraint> constraints = new ArrayList<>();
  private final List<Integer> origins = new ArrayList<>();
  private final List<CompiledCircuit.BitExpansion> expansions = new ArrayList<>();
  private int nextWire;

  private R1csCompiler(Circuit circuit) {
    this.circuit = circuit;
    this.wireOfWitness = wireLayout(circuit);
    this.nextWire = circuit.numWitnesses() + 1;
  }

  public static CompiledCircuit compile(Circuit circuit) {
    return new R1csCompiler(circuit).run();
  }

  /** Number of R1CS constraints the circuit compiles to, without building them. */
  public static long constraintCount(Circuit circuit) {
    long count = 0;
    for (Opcode opcode : circuit.opcodes()) {
      count += switch (opcode) {
        case Opcode.AssertZero assertZero -> 1;
        case Opcode.RangeCheck range -> range.bits() == 1 ? 1 : range.bits() + 1L;
        case Opcode.Hint hint -> 0;
      };
    }
    return count;
  }

  /** Number of R1CS wires (wire 0, every witness, range-check bits), without building the system. */
  public static long wireCount(Circuit circuit) {
    long count = 1L + circuit.numWitnesses();
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
        case Opcode.AssertZero assertZero -> add(assertZero(assertZero.expression()), i);
        case Opcode.RangeCheck range -> rangeCheck(range, i);
        case Opcode.Hint hint -> { }
      }
    }
    int numPublic = circuit.publicWitnesses().length;
    R1cs r1cs = new R1cs(numPublic, nextWire, constraints);
    return new CompiledCircuit(circuit, r1cs, wireOfWitness, origins.stream().mapToInt(Integer::intValue).toArray(),
        expansions);
  }

  /** Public witnesses on wires 1..P in io order, then every other witness in index order. */
  private static int[] wireLayout(Circuit circuit) {
    int[] wires = new int[circuit.numWitnesses()];
    Arrays.fill(wires, -1);
    int[] publicWitnesses = circuit.publicWitnesses();
    for (int i = 0; i < publicWitnesses.length; i++) {
      wires[publicWitnesses[i]] = i + 1;
    }
    int next = publicWitnesses.length + 1;
    for (int w = 0; w < wires.length; w++) {
      if (wires[w] < 0) {
        wires[w] = next++;
      }
    }
    return wires;
  }

  private void add(Constraint constraint, int opcode) {
    constraints.add(constraint);
    origins.add(opcode);
  }

  private Constraint assertZero(Expression expression) {
    LinearCombination one = LinearCombination.of(0, Fr.ONE);
    if (expression.product().isEmpty()) {
      return new Constraint(combination(expression.linear(), expression.constant(), Fr.ONE), one,
          LinearCombination.ZERO);
    }
    Product product = expression.product().get();
    return new Constraint(
        LinearCombination.of(wireOfWitness[product.left()], product.coefficient()),
        LinearCombination.of(wireOfWitness[product.right()], Fr.ONE),
        combination(expression.linear(), expression.constant(), Fr.ONE.neg()));
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
    sum.sort(java.util.Comparator.comparingInt(Term::wire));
    add(new Constraint(new LinearCombination(sum), LinearCombination.of(0, Fr.ONE), LinearCombination.ZERO), opcode);
  }

  /** scale·(linear + constant) on wires, sorted by wire as LinearCombination requires. */
  private LinearCombination combination(List<WitnessTerm> linear, Fr constant, Fr scale) {
    List<Term> terms = new ArrayList<>(linear.size() + 1);
    if (!constant.isZero()) {
      terms.add(new Term(0, constant.mul(scale)));
    }
    for (WitnessTerm term : linear) {
      terms.add(new Term(wireOfWitness[term.witness()], term.coefficient().mul(scale)));
    }
    terms.sort(java.util.Comparator.comparingInt(Term::wire));
    return new LinearCombination(terms);
  }
}

package dev.obsidian.circuits.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.obsidian.circuits.CircuitCheck;
import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.circuits.ir.Interpreter;
import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random straight-line programs over the builder's operations, computed twice: by the circuit (solved, then checked
 * against its R1CS with substituted witnesses) and directly on field elements / BigIntegers.
 */
class RandomProgramTest {
  @Property(tries = 200)
  void circuitsComputeWhatTheProgramComputes(@ForAll long seed) {
    Random random = new Random(seed);
    CircuitBuilder builder = new CircuitBuilder();
    List<Value> values = new ArrayList<>();
    List<Fr> expected = new ArrayList<>();
    Map<String, Fr> inputs = new HashMap<>();
    for (int i = 0; i < 3; i++) {
      Fr input = Fr.of(random.nextInt(1 << 16));
      values.add(builder.privateInput("in" + i));
      expected.add(input);
      inputs.put("in" + i, input);
    }
    for (int step = 0; step < 25; step++) {
      int a = random.nextInt(values.size());
      int b = random.nextInt(values.size());
      Value x = values.get(a);
      Value y = values.get(b);
      Fr xv = expected.get(a);
      Fr yv = expected.get(b);
      switch (random.nextInt(7)) {
        case 0 -> add(values, expected, x.plus(y.times(3)).plus(5), xv.add(yv.mul(Fr.of(3))).add(Fr.of(5)));
        case 1 -> add(values, expected, builder.mul(x.plus(y), y.minus(x)), xv.add(yv).mul(yv.sub(xv)));
        case 2 -> add(values, expected, builder.isZero(x.minus(y)), xv.equals(yv) ? Fr.ONE : Fr.ZERO);
        case 3 -> {
          Value condition = builder.isEqual(x, y);
          add(values, expected, builder.select(condition, x.times(2), y.plus(x)),
              xv.equals(yv) ? xv.add(xv) : yv.add(xv));
        }
        case 4 -> {
          // keep the operands within 32 bits so the bounded comparison applies
          Value small = builder.hint(dev.obsidian.circuits.ir.Oracles.SPLIT, List.of(x, Value.constant(32)), 2)[0];
          builder.rangeCheck(small, 32);
          Fr smallValue = Fr.fromBigInteger(xv.toBigInteger().mod(BigInteger.ONE.shiftLeft(32)));
          Value other = Value.constant(random.nextInt(1 << 20));
          add(values, expected, builder.lessThan(small, other, 32),
              smallValue.compareTo(other.constantPart()) < 0 ? Fr.ONE : Fr.ZERO);
          add(values, expected, small, smallValue);
        }
        case 5 -> add(values, expected, builder.materialize(x.minus(y).times(7)), xv.sub(yv).mul(Fr.of(7)));
        default -> add(values, expected, builder.square(x.plus(1)), xv.add(Fr.ONE).square());
      }
    }
    for (int i = 0; i < values.size(); i++) {
      if (!values.get(i).isConstant()) {
        builder.publicOutput("out" + i, values.get(i));
      }
    }
    Circuit circuit = builder.build("random-program");
    Map<String, Fr> outputs = Interpreter.outputs(circuit, CircuitCheck.solveAndCheck(circuit, inputs));
    outputs.forEach((name, value) -> assertEquals(expected.get(Integer.parseInt(name.substring(3))), value, name));
  }

  private static void add(List<Value> values, List<Fr> expected, Value value, Fr expectedValue) {
    values.add(value);
    expected.add(expectedValue);
  }
}

package dev.obsidian.circuits.ir;

import dev.obsidian.crypto.field.Fr;
import java.util.List;

/** Off-circuit code a {@link Opcode.Hint} calls by name; its answers are advice the circuit then constrains. */
@FunctionalInterface
public interface Oracle {
  /** Exactly {@code outputs} values computed from {@code inputs}. */
  List<Fr> call(List<Fr> inputs, int outputs);
}

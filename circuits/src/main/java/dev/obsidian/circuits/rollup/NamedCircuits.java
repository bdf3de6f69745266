package dev.obsidian.circuits.rollup;

import dev.obsidian.circuits.builder.CircuitBuilder;
import dev.obsidian.circuits.builder.Value;
import dev.obsidian.circuits.gadgets.PathVars;
import dev.obsidian.circuits.gadgets.Poseidon2Gadget;
import dev.obsidian.circuits.ir.Circuit;
import dev.obsidian.merkle.TreeId;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The registry of named circuits ({@code obsidian circuits info NAME}):
 *
 * <ul>
 *   <li>{@code poseidon2-chain}: public "start", public output "end" = h_n where h_0 = start and h_{i+1} =
 *   Poseidon2.hash([h_i]) (one permutation per link); n from the size parameter, default 1.
 *   <li>{@code merkle-membership}: public "root" and "leaf", private index and 42-sibling path of the note hash tree.
 *   <li>{@code base-rollup-2}, {@code base-rollup-8}, {@code base-rollup-64}: {@link BaseRollupCircuit}.
 *   <li>{@code block-root-1}, {@code block-root-4}, {@code block-root-16}: {@link BlockRootCircuit}.
 * </ul>
 */
public final class NamedCircuits {
  public static final String POSEIDON2_CHAIN = "poseidon2-chain";
  public static final String MERKLE_MEMBERSHIP = "merkle-membership";
  /** The base rollup capacities the sequencer chooses from (the smallest that fits a tx). */
  public static final List<Integer> BASE_ROLLUP_CAPACITIES = List.of(2, 8, 64);
  /** Links of the largest poseidon2-chain (2^20 constraints is about 2980 links). */
  public static final int MAX_CHAIN_LINKS = 1 << 16;

  private NamedCircuits() {}

  /** The smallest base rollup capacity that holds the tx's effects (what the sequencer picks). */
  public static int smallestBaseRollupCapacity(TxTreeEffects effects) {
    for (int capacity : BASE_ROLLUP_CAPACITIES) {
      if (effects.largestCount() <= capacity) {
        return capacity;
      }
    }
    throw new IllegalArgumentException("no base rollup variant holds " + effects.largestCount() + " effects");
  }

  public static List<String> names() {
    return Stream.of(Stream.of(POSEIDON2_CHAIN, MERKLE_MEMBERSHIP),
        BASE_ROLLUP_CAPACITIES.stream().map(BaseRollupCircuit::name),
        BlockRootCircuit.TX_CAPACITIES.stream().map(BlockRootCircuit::name)).flatMap(s -> s).toList();
  }

  /**
   * Builds the named circuit; {@code size} is the number of links of poseidon2-chain and is refused for the
   * others. {@code recordLocations = false} skips the stack walk per opcode (for large circuits).
   */
  public static Circuit build(String name, OptionalInt size, boolean recordLocations) {
    if (size.isPresent() && !name.equals(POSEIDON2_CHAIN)) {
      throw new IllegalArgumentException("circuit '" + name + "' takes no size (only " + POSEIDON2_CHAIN + " does)");
    }
    if (name.equals(POSEIDON2_CHAIN)) {
      return poseidon2Chain(size.orElse(1), recordLocations);
    }
    if (name.equals(MERKLE_MEMBERSHIP)) {
      return merkleMembership(recordLocations);
    }
    for (int capacity : BASE_ROLLUP_CAPACITIES) {
      if (name.equals(BaseRollupCircuit.name(capacity))) {
        return BaseRollupCircuit.build(capacity, recordLocations);
      }
    }
    for (int capacity : BlockRootCircuit.TX_CAPACITIES) {
      if (name.equals(BlockRootCircuit.name(capacity))) {
        return BlockRootCircuit.build(capacity, recordLocations);
      }
    }
    throw new IllegalArgumentException("circuit '" + name + "' is unknown: expected one of " + names());
  }

  public static Circuit poseidon2Chain(int links, boolean recordLocations) {
    if (links < 1 || links > MAX_CHAIN_LINKS) {
      throw new IllegalArgumentException("poseidon2-chain links must be in 1.." + MAX_CHAIN_LINKS + ", got "
          + links);
    }
    CircuitBuilder builder = new CircuitBuilder(recordLocations);
    Value current = builder.publicInput("start");
    for (int i = 0; i < links; i++) {
      current = Poseidon2Gadget.hash(builder, current);
    }
    builder.publicOutput("end", current);
    return builder.build(POSEIDON2_CHAIN);
  }

  public static Circuit merkleMembership(boolean recordLocations) {
    CircuitBuilder builder = new CircuitBuilder(recordLocations);
    Value root = builder.publicInput("root");
    Value leaf = builder.publicInput("leaf");
    PathVars path = PathVars.declare(builder, "path", TreeId.NOTE_HASH.height());
    builder.assertEqual(path.root(builder, leaf), root);
    return builder.build(MERKLE_MEMBERSHIP);
  }
}

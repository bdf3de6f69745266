package dev.obsidian.node.cli.crypto;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "poseidon2-permutation", description = "The Poseidon2 permutation (t = 4) of a state; prints 4 lines.")
final class Poseidon2PermutationCommand extends ValueCommand {

  @Parameters(index = "0", paramLabel = "A", converter = Converters.FrConverter.class) Fr a;
  @Parameters(index = "1", paramLabel = "B", converter = Converters.FrConverter.class) Fr b;
  @Parameters(index = "2", paramLabel = "C", converter = Converters.FrConverter.class) Fr c;
  @Parameters(index = "3", paramLabel = "D", converter = Converters.FrConverter.class) Fr d;

  @Override
  CommandOutput compute() {
    return new CommandOutput().add("state", Poseidon2.permutation(new Fr[] {a, b, c, d}));
  }
}

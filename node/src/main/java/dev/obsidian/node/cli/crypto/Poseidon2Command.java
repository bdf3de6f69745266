package dev.obsidian.node.cli.crypto;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "poseidon2", description = "Poseidon2 sponge hash of field elements (Aztec's poseidon2Hash).")
final class Poseidon2Command extends ValueCommand {

  @Option(names = "--separator", paramLabel = "S", converter = Converters.SeparatorConverter.class,
      description = "Domain separator hashed first (poseidon2HashWithSeparator): a u32 or a name like SILOED_NOTE_HASH.")
  Fr separator;

  @Parameters(paramLabel = "X", arity = "0..*", converter = Converters.FrConverter.class,
      description = "Field elements, 0x-hex or decimal.")
  List<Fr> inputs = new ArrayList<>();

  @Override
  CommandOutput compute() {
    List<Fr> all = new ArrayList<>();
    if (separator != null) {
      all.add(separator);
    }
    all.addAll(inputs);
    return CommandOutput.of("hash", Poseidon2.hash(all.toArray(Fr[]::new)));
  }
}

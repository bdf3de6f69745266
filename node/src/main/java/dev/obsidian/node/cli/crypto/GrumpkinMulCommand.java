package dev.obsidian.node.cli.crypto;

import dev.obsidian.crypto.curve.Grumpkin;
import dev.obsidian.crypto.field.Fq;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "grumpkin-mul",
    description = "SCALAR * G on Grumpkin (Aztec's generator); prints \"x y\" (infinity prints zeros, JSON flags it).")
final class GrumpkinMulCommand extends ValueCommand {

  @Parameters(index = "0", paramLabel = "SCALAR", converter = Converters.FqConverter.class,
      description = "Scalar below the group order (BN254 Fq), 0x-hex or decimal.")
  Fq scalar;

  @Override
  CommandOutput compute() {
    return new CommandOutput().add("point", Grumpkin.mulGenerator(scalar));
  }
}

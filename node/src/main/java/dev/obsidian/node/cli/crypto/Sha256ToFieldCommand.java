package dev.obsidian.node.cli.crypto;

import dev.obsidian.crypto.hash.Sha;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "sha256-to-field", description = "SHA-256 of raw bytes truncated to 31 bytes (Aztec's sha256ToField).")
final class Sha256ToFieldCommand extends ValueCommand {

  @Parameters(index = "0", paramLabel = "HEXBYTES", converter = Converters.HexBytesConverter.class,
      description = "The bytes as hex, with or without 0x (\"0x\" is the empty string).")
  Converters.HexBytes bytes;

  @Override
  CommandOutput compute() {
    return CommandOutput.of("field", Sha.sha256ToField(bytes.bytes()));
  }
}

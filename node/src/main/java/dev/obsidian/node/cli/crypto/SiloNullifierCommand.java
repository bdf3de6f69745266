package dev.obsidian.node.cli.crypto;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.ProtocolHashes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "silo-nullifier", description = "Namespaces a nullifier to its contract (siloNullifier).")
final class SiloNullifierCommand extends ValueCommand {

  @Parameters(index = "0", paramLabel = "CONTRACT", converter = Converters.AztecAddressConverter.class) AztecAddress contract;

  @Parameters(index = "1", paramLabel = "NULLIFIER", converter = Converters.FrConverter.class) Fr nullifier;

  @Override
  CommandOutput compute() {
    return CommandOutput.of("siloedNullifier", ProtocolHashes.siloNullifier(contract, nullifier));
  }
}

package dev.obsidian.node.cli.crypto;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.ProtocolHashes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "public-data-leaf-slot", description = "Public data tree index of a contract's storage slot (computePublicDataTreeLeafSlot).")
final class PublicDataLeafSlotCommand extends ValueCommand {

  @Parameters(index = "0", paramLabel = "CONTRACT", converter = Converters.AztecAddressConverter.class) AztecAddress contract;

  @Parameters(index = "1", paramLabel = "SLOT", converter = Converters.FrConverter.class) Fr slot;

  @Override
  CommandOutput compute() {
    return CommandOutput.of("leafSlot", ProtocolHashes.computePublicDataTreeLeafSlot(contract, slot));
  }
}

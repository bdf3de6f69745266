package dev.obsidian.node.cli.crypto;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.ProtocolHashes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "silo-note-hash", description = "Namespaces a note hash to its contract (siloNoteHash).")
final class SiloNoteHashCommand extends ValueCommand {

  @Parameters(index = "0", paramLabel = "CONTRACT", converter = Converters.AztecAddressConverter.class) AztecAddress contract;

  @Parameters(index = "1", paramLabel = "NOTE_HASH", converter = Converters.FrConverter.class) Fr noteHash;

  @Override
  CommandOutput compute() {
    return CommandOutput.of("siloedNoteHash", ProtocolHashes.siloNoteHash(contract, noteHash));
  }
}

package dev.obsidian.node.cli.crypto;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.ProtocolHashes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "unique-note-hash", description = "The note hash tree leaf (computeUniqueNoteHash).")
final class UniqueNoteHashCommand extends ValueCommand {

  @Parameters(index = "0", paramLabel = "NONCE", converter = Converters.FrConverter.class) Fr nonce;

  @Parameters(index = "1", paramLabel = "SILOED_NOTE_HASH", converter = Converters.FrConverter.class) Fr siloedNoteHash;

  @Override
  CommandOutput compute() {
    return CommandOutput.of("uniqueNoteHash", ProtocolHashes.computeUniqueNoteHash(nonce, siloedNoteHash));
  }
}

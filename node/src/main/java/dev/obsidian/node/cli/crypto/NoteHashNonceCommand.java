package dev.obsidian.node.cli.crypto;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.ProtocolHashes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "note-hash-nonce", description = "Nonce of the INDEX-th note hash of a tx (computeNoteHashNonce).")
final class NoteHashNonceCommand extends ValueCommand {

  @Parameters(index = "0", paramLabel = "FIRST_NULLIFIER", converter = Converters.FrConverter.class) Fr firstNullifier;

  @Parameters(index = "1", paramLabel = "INDEX", converter = Converters.IndexConverter.class) long index;

  @Override
  CommandOutput compute() {
    return CommandOutput.of("nonce", ProtocolHashes.computeNoteHashNonce(firstNullifier, index));
  }
}

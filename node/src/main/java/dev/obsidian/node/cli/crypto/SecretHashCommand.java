package dev.obsidian.node.cli.crypto;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.ProtocolHashes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "secret-hash", description = "Hash of a secret, as for L1->L2 messages (computeSecretHash).")
final class SecretHashCommand extends ValueCommand {

  @Parameters(index = "0", paramLabel = "SECRET", converter = Converters.FrConverter.class) Fr secret;

  @Override
  CommandOutput compute() {
    return CommandOutput.of("secretHash", ProtocolHashes.computeSecretHash(secret));
  }
}

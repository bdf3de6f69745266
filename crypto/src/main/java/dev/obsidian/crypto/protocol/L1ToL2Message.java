package dev.obsidian.crypto.protocol;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Sha;
import java.util.Objects;

/**
 * A message from L1 to an L2 contract, as the Inbox records it. Source: L1ToL2Message in
 * yarn-project/stdlib/src/messaging/l1_to_l2_message.ts (v4.1.2).
 *
 * @param sender the L1 sender
 * @param chainId the L1 chain id
 * @param recipient the L2 recipient contract
 * @param rollupVersion the rollup version the message is for
 * @param content the message content
 * @param secretHash {@link ProtocolHashes#computeSecretHash} of the secret that consumes it
 * @param index the message's global leaf index in the L1→L2 message tree
 */
public record L1ToL2Message(
    EthAddress sender, Fr chainId, AztecAddress recipient, Fr rollupVersion, Fr content, Fr secretHash, Fr index) {

  public L1ToL2Message {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(rollupVersion, "rollupVersion");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(secretHash, "secretHash");
    Objects.requireNonNull(index, "index");
  }

  /** The leaf of the L1→L2 message tree: sha256ToField of the seven fields, each 32 bytes, in field order. */
  public Fr hash() {
    return Sha.sha256ToField(
        sender.toField(), chainId, recipient.toField(), rollupVersion, content, secretHash, index);
  }

  /** The nullifier emitted when {@code recipient} consumes the message with {@code secret}. */
  public Fr nullifier(Fr secret) {
    return ProtocolHashes.computeL1ToL2MessageNullifier(recipient, hash(), secret);
  }
}

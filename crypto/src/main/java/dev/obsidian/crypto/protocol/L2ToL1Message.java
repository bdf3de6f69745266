package dev.obsidian.crypto.protocol;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Sha;
import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * A message from an L2 contract to an L1 recipient, scoped to its sender, rollup and chain. Source:
 * {@code computeL2ToL1MessageHash} in yarn-project/stdlib/src/hash/hash.ts (v4.1.2).
 */
public record L2ToL1Message(AztecAddress l2Sender, EthAddress l1Recipient, Fr content, Fr rollupVersion, Fr chainId) {

  public L2ToL1Message {
    Objects.requireNonNull(l2Sender, "l2Sender");
    Objects.requireNonNull(l1Recipient, "l1Recipient");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(rollupVersion, "rollupVersion");
    Objects.requireNonNull(chainId, "chainId");
  }

  /**
   * sha256ToField(l2Sender || rollupVersion || l1Recipient || chainId || content): fields are 32 bytes, the L1
   * recipient only its 20 bytes (Aztec's serializeToBuffer writes an EthAddress unpadded).
   */
  public Fr hash() {
    ByteArrayOutputStream packed = new ByteArrayOutputStream(148);
    packed.writeBytes(l2Sender.toField().toBytesBE());
    packed.writeBytes(rollupVersion.toBytesBE());
    packed.writeBytes(l1Recipient.toBytes());
    packed.writeBytes(chainId.toBytesBE());
    packed.writeBytes(content.toBytesBE());
    return Sha.sha256ToField(packed.toByteArray());
  }
}

package dev.obsidian.actors.tx;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.EthAddress;

/** A message to L1 with the L2 contract that sent it (stdlib messaging ScopedL2ToL1Message: recipient, content, contract). */
public record ScopedL2ToL1Message(EthAddress recipient, Fr content, AztecAddress sender) {
  public ScopedL2ToL1Message {
    Require.present(recipient, "l2ToL1Message.recipient");
    Require.present(content, "l2ToL1Message.content");
    Require.present(sender, "l2ToL1Message.sender");
  }
}

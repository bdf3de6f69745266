package dev.obsidian.actors.tx;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;

/**
 * A public function call enqueued by private execution (stdlib kernel/public_call_request.ts: msgSender,
 * contractAddress, isStaticCall, calldataHash). The node cannot execute public calls until contracts exist, so the
 * mempool rejects transactions carrying any.
 */
public record PublicCallRequest(AztecAddress msgSender, AztecAddress contract, boolean isStaticCall, Fr calldataHash) {
  public PublicCallRequest {
    Require.present(msgSender, "publicCall.msgSender");
    Require.present(contract, "publicCall.contract");
    Require.present(calldataHash, "publicCall.calldataHash");
  }
}

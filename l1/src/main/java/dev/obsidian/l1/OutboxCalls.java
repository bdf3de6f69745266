package dev.obsidian.l1;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.EthAddress;
import java.util.List;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/** Calldata of the Outbox and Inbox calls an L1 user (a portal, a test) makes. */
public final class OutboxCalls {
  private OutboxCalls() {}

  /**
   * {@code Outbox.consume(L2ToL1Msg(sender, version, recipient, chainId, content), blockNumber, leafIndex, path)}: the
   * L2->L1 message, the L2 block that sent it, its leaf in that block's out-hash tree and the sibling path.
   */
  @SuppressWarnings("rawtypes")
  public static byte[] consume(AztecAddress sender, long version, EthAddress recipient, long chainId, Fr content,
      long blockNumber, long leafIndex, List<Fr> path) {
    // the message is a static tuple: ABI-encoded inline, field after field
    List<org.web3j.abi.datatypes.Type> arguments = List.of(ProposedHeader.bytes32(sender.toField()),
        new Uint256(version), Deployer.address(recipient), new Uint256(chainId), ProposedHeader.bytes32(content),
        new Uint256(blockNumber), new Uint256(leafIndex),
        new DynamicArray<>(Bytes32.class, path.stream().map(ProposedHeader::bytes32).toList()));
    return Abi.call("consume((bytes32,uint256,address,uint256,bytes32),uint256,uint256,bytes32[])", arguments);
  }

  /** {@code Inbox.sendL2Message(recipient, content, secretHash)}. */
  @SuppressWarnings("rawtypes")
  public static byte[] sendL2Message(AztecAddress recipient, Fr content, Fr secretHash) {
    return Abi.call("sendL2Message(bytes32,bytes32,bytes32)", List.<org.web3j.abi.datatypes.Type>of(
        ProposedHeader.bytes32(recipient.toField()), ProposedHeader.bytes32(content),
        ProposedHeader.bytes32(secretHash)));
  }
}

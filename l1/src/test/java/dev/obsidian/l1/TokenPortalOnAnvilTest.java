package dev.obsidian.l1;

import static dev.obsidian.l1.MessagingOnAnvilTest.bytes32;
import static dev.obsidian.l1.RollupOnAnvilTest.assertRevert;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Sha;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The bridge's L1 half on Anvil: a deposit locks tokens and sends the Inbox message Aztec's token bridge expects; a
 * withdrawal consumes the L2 bridge's message from the Outbox once and releases the tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenPortalOnAnvilTest {
  private static final Fr L2_BRIDGE = Fr.of(0xb41d6e); // AnvilFixture deploys the portal for this L2 bridge
  private AnvilFixture l1;
  private L1Contracts contracts;
  private final TestBlocks blocks = new TestBlocks(21);

  @BeforeAll
  void start() {
    l1 = new AnvilFixture();
    contracts = l1.deploy(0);
  }

  @AfterAll
  void stop() {
    l1.close();
  }

  @Test
  void depositThenWithdraw() {
    EthAddress user = l1.other.sender();
    BigInteger amount = BigInteger.valueOf(1_000);
    l1.other.send(contracts.testToken(), Abi.call("mint(address,uint256)",
        List.of(Deployer.address(user), new Uint256(amount))), "TestERC20.mint");
    l1.other.send(contracts.testToken(), Abi.call("approve(address,uint256)",
        List.of(Deployer.address(contracts.tokenPortal()), new Uint256(amount))), "TestERC20.approve");
    Fr to = blocks.field();
    TransactionReceipt deposit = l1.other.send(contracts.tokenPortal(),
        Abi.call("depositToL2Public(bytes32,uint256,bytes32)", List.of(bytes32(to), new Uint256(amount),
            bytes32(blocks.field()))), "TokenPortal.depositToL2Public");
    Log sent = deposit.getLogs().stream()
        .filter(log -> EthAddress.fromHex(log.getAddress()).equals(contracts.inbox())).findFirst().orElseThrow();
    byte[] data = L1Client.unhex(sent.getData()); // index, sender, recipient, content, secretHash
    assertEquals(L2_BRIDGE, word(data, 2), "the message goes to the L2 bridge");
    assertEquals(contentOf("mint_to_public(bytes32,uint256)", to.toBytesBE(), amount), word(data, 3));
    assertEquals(amount, balanceOf(contracts.tokenPortal()));

    EthAddress recipient = EthAddress.fromHex("0x00000000000000000000000000000000000000b0");
    Fr withdrawContent = contentOf("withdraw(address,uint256,address)", pad(recipient), amount, new byte[32]);
    TxEffect tx = blocks.transfer(List.of(
        blocks.messageTo(contracts.tokenPortal(), new AztecAddress(L2_BRIDGE), withdrawContent)));
    RollupClient rollup = new RollupClient(l1.sequencer, contracts.rollup());
    ProposedHeader.Proposal proposal =
        blocks.proposal(1, Constants.GENESIS_ARCHIVE_ROOT, List.of(tx), rollup.inboxRoot(1));
    rollup.propose(proposal.header(), proposal.effects(), new byte[0]);

    byte[] withdraw = Abi.call("withdraw(address,uint256,uint256,uint256,bytes32[])", List.of(
        Deployer.address(recipient), new Uint256(amount), new Uint256(1), new Uint256(0),
        new DynamicArray<>(Bytes32.class, List.of())));
    l1.other.send(contracts.tokenPortal(), withdraw, "TokenPortal.withdraw");
    assertEquals(amount, balanceOf(recipient));
    assertEquals(BigInteger.ZERO, balanceOf(contracts.tokenPortal()));
    assertRevert("Outbox__AlreadyConsumed", () -> l1.other.send(contracts.tokenPortal(), withdraw,
        "TokenPortal.withdraw"));
  }

  /** sha256ToField(abi.encodeWithSignature(signature, args...)), each argument a 32-byte word. */
  private static Fr contentOf(String signature, byte[] first, BigInteger amount, byte[]... rest) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(L1Client.unhex(Hash.sha3String(signature).substring(0, 10)));
    out.writeBytes(first);
    out.writeBytes(Fr.fromBigInteger(amount).toBytesBE());
    for (byte[] word : rest) {
      out.writeBytes(word);
    }
    return Sha.sha256ToField(out.toByteArray());
  }

  private static byte[] pad(EthAddress address) {
    byte[] word = new byte[32];
    System.arraycopy(address.toBytes(), 0, word, 12, 20);
    return word;
  }

  private static Fr word(byte[] data, int index) {
    return Fr.fromBytesBE(java.util.Arrays.copyOfRange(data, 32 * index, 32 * index + 32));
  }

  private BigInteger balanceOf(EthAddress owner) {
    byte[] returned = l1.sequencer.call(contracts.testToken(), Abi.call("balanceOf(address)",
        List.of(Deployer.address(owner))), "TestERC20.balanceOf");
    return (BigInteger) Abi.decode(returned, "uint256").get(0).getValue();
  }
}

package dev.obsidian.l1;

import static dev.obsidian.l1.RollupOnAnvilTest.assertRevert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Sha;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.crypto.protocol.L1ToL2Message;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Inbox and Outbox on a real Anvil. The Inbox leaf and tree root are recomputed with the node's own
 * {@link L1ToL2Message#hash()} and SHA-256; the Outbox accepts a message exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagingOnAnvilTest {
  private static final int SUBTREE_LEAVES = 1 << Constants.L1_TO_L2_MSG_SUBTREE_HEIGHT;
  private AnvilFixture l1;
  private L1Contracts contracts;
  private RollupClient rollup;
  private final TestBlocks blocks = new TestBlocks(11);

  @BeforeAll
  void startAnvil() {
    l1 = new AnvilFixture();
  }

  @AfterAll
  void stopAnvil() {
    l1.close();
  }

  @BeforeEach
  void deploy() {
    contracts = l1.deploy(0);
    rollup = new RollupClient(l1.sequencer, contracts.rollup());
  }

  @Test
  void inboxLeavesAndRootMatchTheNodesHashesAndTheBlockConsumesThem() {
    List<Fr> leaves = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      AztecAddress recipient = new AztecAddress(blocks.field());
      Fr content = blocks.field();
      Fr secretHash = blocks.field();
      TransactionReceipt receipt = l1.other.send(contracts.inbox(), Abi.call("sendL2Message(bytes32,bytes32,bytes32)",
          List.of(bytes32(recipient.toField()), bytes32(content), bytes32(secretHash))), "Inbox.sendL2Message");
      long index = SUBTREE_LEAVES + i; // first messages land in block 2's tree: (2 - 1) * 1024 + i
      Fr expected = new L1ToL2Message(l1.other.sender(), TestBlocks.CHAIN_ID, recipient, TestBlocks.VERSION, content,
          secretHash, Fr.of(index)).hash();
      Log sent = receipt.getLogs().get(0);
      assertEquals(2, new BigInteger(sent.getTopics().get(1).substring(2), 16).longValueExact(), "L2 block");
      assertEquals(expected, Fr.fromBytesBE(L1Client.unhex(sent.getTopics().get(2))), "message leaf");
      leaves.add(expected);
    }
    Fr expectedRoot = subtreeRoot(leaves);
    assertEquals(expectedRoot, rollup.inboxRoot(2));
    assertEquals(subtreeRoot(List.of()), rollup.inboxRoot(1));

    ProposedHeader.Proposal first =
        blocks.proposal(1, Constants.GENESIS_ARCHIVE_ROOT, blocks.transfers(1), rollup.inboxRoot(1));
    rollup.propose(first.header(), first.effects(), new byte[0]);
    ProposedHeader.Proposal second =
        blocks.proposal(2, first.header().archiveRoot(), blocks.transfers(1), expectedRoot);
    assertTrue(rollup.propose(second.header(), second.effects(), new byte[0]).isStatusOK());
  }

  @Test
  void inboxRejectsValuesOutsideTheField() {
    Bytes32 tooLarge = new Bytes32(Fr.MODULUS.toByteArray().length == 33
        ? java.util.Arrays.copyOfRange(Fr.MODULUS.toByteArray(), 1, 33) : Fr.MODULUS.toByteArray());
    assertRevert("Inbox__NotAField", () -> l1.other.send(contracts.inbox(),
        Abi.call("sendL2Message(bytes32,bytes32,bytes32)", List.of(bytes32(Fr.ONE), tooLarge, bytes32(Fr.ONE))),
        "Inbox.sendL2Message"));
  }

  @Test
  void outboxReleasesAMessageExactlyOnce() {
    EthAddress me = l1.sequencer.sender();
    AztecAddress l2Sender = new AztecAddress(blocks.field());
    List<TxEffect> txs = List.of(
        blocks.transfer(List.of(blocks.messageTo(me, l2Sender, blocks.field()),
            blocks.messageTo(me, l2Sender, blocks.field()))),
        blocks.transfer(List.of(blocks.messageTo(me, l2Sender, blocks.field()))));
    ProposedHeader.Proposal proposal = blocks.proposal(1, Constants.GENESIS_ARCHIVE_ROOT, txs, rollup.inboxRoot(1));
    rollup.propose(proposal.header(), proposal.effects(), new byte[0]);
    assertEquals(2, proposal.header().outTreeHeight());

    var message = txs.get(1).effects().l2ToL1Messages().get(0);
    byte[] consume = consumeCall(l2Sender, me, message.content(), 1, 2, proposal.outTree().path(2));
    assertTrue(l1.sequencer.send(contracts.outbox(), consume, "Outbox.consume").isStatusOK());
    assertRevert("Outbox__AlreadyConsumed", () -> l1.sequencer.send(contracts.outbox(), consume, "Outbox.consume"));

    byte[] wrongLeaf = consumeCall(l2Sender, me, message.content(), 1, 1, proposal.outTree().path(2));
    assertRevert("Outbox__InvalidMembership",
        () -> l1.sequencer.send(contracts.outbox(), wrongLeaf, "Outbox.consume"));
    byte[] notMine = consumeCall(l2Sender, me, message.content(), 1, 2, proposal.outTree().path(2));
    assertRevert("Outbox__InvalidRecipient", () -> l1.other.send(contracts.outbox(), notMine, "Outbox.consume"));
    byte[] future = consumeCall(l2Sender, me, message.content(), 2, 0, proposal.outTree().path(0));
    assertRevert("Outbox__BlockNotConsumable", () -> l1.sequencer.send(contracts.outbox(), future, "Outbox.consume"));
  }

  @SuppressWarnings("rawtypes")
  private static byte[] consumeCall(AztecAddress sender, EthAddress recipient, Fr content, long block, long leaf,
      List<Fr> path) {
    List<Type> arguments = List.of(bytes32(sender.toField()), new Uint256(1), Deployer.address(recipient),
        new Uint256(31337), bytes32(content), new Uint256(block), new Uint256(leaf),
        new DynamicArray<>(Bytes32.class, path.stream().map(MessagingOnAnvilTest::bytes32).toList()));
    return Abi.call("consume((bytes32,uint256,address,uint256,bytes32),uint256,uint256,bytes32[])", arguments);
  }

  /** The Inbox's per-block tree: height L1_TO_L2_MSG_SUBTREE_HEIGHT, zero leaves after the messages. */
  private static Fr subtreeRoot(List<Fr> leaves) {
    List<Fr> level = new ArrayList<>(leaves);
    level.addAll(Collections.nCopies(SUBTREE_LEAVES - leaves.size(), Fr.ZERO));
    while (level.size() > 1) {
      List<Fr> parents = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        parents.add(Sha.sha256ToField(level.get(i), level.get(i + 1)));
      }
      level = parents;
    }
    return level.get(0);
  }

  static Bytes32 bytes32(Fr value) {
    return new Bytes32(value.toBytesBE());
  }
}

package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.L1ToL2Message;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Following L1 on Anvil: proposals and messages in order, and a reorg reported with its common ancestor. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class L1FollowerTest {
  private AnvilFixture l1;
  private final TestBlocks blocks = new TestBlocks(31);

  @BeforeAll
  void start() {
    l1 = new AnvilFixture();
  }

  @AfterAll
  void stop() {
    l1.close();
  }

  @Test
  void reportsProposalsAndMessagesThenAReorgAndTheNewChain() throws Exception {
    L1Contracts contracts = l1.deploy(0);
    RollupClient rollup = new RollupClient(l1.sequencer, contracts.rollup());
    L1Follower follower = new L1Follower(l1.sequencer, contracts, 0, 1000, 64);

    AztecAddress recipient = new AztecAddress(blocks.field());
    Fr content = blocks.field();
    Fr secretHash = blocks.field();
    l1.other.send(contracts.inbox(), Abi.call("sendL2Message(bytes32,bytes32,bytes32)", List.of(
        MessagingOnAnvilTest.bytes32(recipient.toField()), MessagingOnAnvilTest.bytes32(content),
        MessagingOnAnvilTest.bytes32(secretHash))), "Inbox.sendL2Message");
    ProposedHeader.Proposal first = propose(rollup, 1, Constants.GENESIS_ARCHIVE_ROOT);
    List<L1Follower.L1Event> events = follower.poll();
    assertEquals(2, events.size(), events.toString());
    L1Follower.MessageSent message = assertInstanceOf(L1Follower.MessageSent.class, events.get(0));
    assertEquals(new L1ToL2Message(l1.other.sender(), Fr.of(31337), recipient, Fr.of(1), content, secretHash,
        Fr.of(1024)).hash(), message.hash());
    assertEquals(2, message.l2BlockNumber());
    assertEquals(first.header().archiveRoot(),
        assertInstanceOf(L1Follower.BlockProposed.class, events.get(1)).log().archive());

    String snapshot = rpc("evm_snapshot");
    long ancestor = l1.sequencer.blockNumber();
    propose(rollup, 2, first.header().archiveRoot());
    assertEquals(1, follower.poll().size());
    rpc("evm_revert", snapshot);
    mine(3); // the new branch is longer than the old one
    ProposedHeader.Proposal replacement = propose(rollup, 2, first.header().archiveRoot());

    events = follower.poll();
    L1Follower.Reorged reorg = assertInstanceOf(L1Follower.Reorged.class, events.get(0));
    assertEquals(ancestor, reorg.toL1Block());
    assertTrue(reorg.fromL1Block() > ancestor);
    L1Follower.BlockProposed again = assertInstanceOf(L1Follower.BlockProposed.class, events.get(1));
    assertEquals(2, again.log().blockNumber());
    assertEquals(replacement.header().archiveRoot(), again.log().archive());
    assertEquals(2, events.size(), events.toString());
    assertEquals(List.of(), follower.poll(), "nothing new");
  }

  private ProposedHeader.Proposal propose(RollupClient rollup, long number, Fr lastArchive) {
    ProposedHeader.Proposal proposal = blocks.proposal(number, lastArchive, blocks.transfers(1),
        rollup.inboxRoot(number));
    rollup.propose(proposal.header(), proposal.effects(), new byte[0]);
    return proposal;
  }

  private void mine(int count) throws Exception {
    rpc("anvil_mine", "0x" + Integer.toHexString(count));
  }

  private String rpc(String method, Object... params) throws Exception {
    String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of(
        "jsonrpc", "2.0", "id", 1, "method", method, "params", List.of(params)));
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(l1.anvil.rpcUrl()))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("result").asText();
  }
}

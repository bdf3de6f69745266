package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.obsidian.actors.NodeClock;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.ScopedL2ToL1Message;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Poseidon2;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.L1ToL2Message;
import dev.obsidian.l1.FollowerNode;
import dev.obsidian.l1.L1Client;
import dev.obsidian.l1.L1PrivateKey;
import dev.obsidian.l1.L1RevertException;
import dev.obsidian.l1.OutHashTree;
import dev.obsidian.l1.OutboxCalls;
import dev.obsidian.l1.ProposedHeader;
import dev.obsidian.l1.RollupClient;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.node.rpc.NodeServer;
import dev.obsidian.node.rpc.RpcClient;
import dev.obsidian.node.rpc.RpcLimits;
import dev.obsidian.node.rpc.TxJson;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Messages end to end on the sandbox's Anvil: an L1->L2 message sent to the Inbox lands in the L2 block whose tree
 * holds it, at the Inbox's index, with a membership witness that proves it against that block's message-tree root
 * (and a follower rebuilds the same block, messages included); an L2->L1 message of an L2 tx is consumed from the
 * Outbox once, and a second consumption reverts.
 */
class MessagesIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  /** Anvil's public dev account 1. */
  private static final String DEV_KEY_1 = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

  @TempDir Path dir;

  private final RandomTxs random = new RandomTxs(21, 31337, 1).withMaxEffects(2, 1, 1, 1);
  private final WorldStateFork genesis = WorldStateFork.inMemoryGenesis();

  @Test
  void anL1ToL2MessageReachesItsBlockWithAWitnessAndAnL2ToL1MessageIsConsumedOnce() throws Exception {
    ObsidianSettings settings = new SandboxSettings().dataDir(dir.resolve("sequencer")).port(0)
        .blockTime(Duration.ofMillis(100)).flag("--anvil-port", "obsidian.l1.anvil-port", 0).load(null, Map.of());
    try (NodeServer sequencer = NodeServer.start(settings, RpcLimits.defaults(settings.limits()), NodeClock.system(),
        Map.of());
        L1Client user = L1Client.connect(sequencer.l1().rpcUrl(), L1PrivateKey.fromHex(DEV_KEY_1, "test"), 31337,
            Duration.ofSeconds(30))) {
      RpcClient rpc = new RpcClient(sequencer.url(), Duration.ofSeconds(30));
      var contracts = sequencer.l1().contracts();

      // L1 -> L2
      AztecAddress recipient = new AztecAddress(Fr.of(0xabc));
      Fr content = Fr.of(0x1234);
      Fr secretHash = Fr.of(0x5678);
      TransactionReceipt sent = user.send(contracts.inbox(), OutboxCalls.sendL2Message(recipient, content, secretHash),
          "Inbox.sendL2Message");
      Log log = sent.getLogs().get(0);
      long l2Block = new BigInteger(log.getTopics().get(1).substring(2), 16).longValueExact();
      long index = new BigInteger(log.getData().substring(2, 66), 16).longValueExact();
      Fr leaf = new L1ToL2Message(user.sender(), Fr.of(31337), recipient, Fr.of(1), content, secretHash, Fr.of(index))
          .hash();
      assertEquals((l2Block - 1) * 1024, index, "the first message of its tree");

      buildBlocksUntil(rpc, l2Block);
      JsonNode block = rpc.call("node_getBlock", l2Block);
      assertEquals(List.of(leaf.toHex()), textList(block.get("l1ToL2Messages")));
      JsonNode witness = rpc.call("node_getL1ToL2MessageMembershipWitness", l2Block, leaf.toHex());
      assertEquals(index, witness.get("leafIndex").asLong(), "the Inbox's index is the leaf index");
      Fr root = Fr.fromHex(block.get("header").get("state").get("l1ToL2MessageTree").get("root").asText());
      assertEquals(root, rootFromPath(leaf, index, textList(witness.get("siblingPath"))));
      assertTrue(rpc.call("node_getL1ToL2MessageMembershipWitness", l2Block - 1, leaf.toHex()).isNull(),
          "not in the tree before its block");
      try (L1Client l1 = L1Client.readOnly(sequencer.l1().rpcUrl(), TIMEOUT)) {
        RollupClient rollup = new RollupClient(l1, contracts.rollup());
        awaitOnL1(rollup, l2Block);
        assertEquals(rollup.archiveAt(l2Block), Fr.fromHex(block.get("archive").get("root").asText()));
      }

      // L2 -> L1: a tx whose effects send a message to the user's L1 address
      Tx plain = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
      TxEffects e = plain.effects();
      AztecAddress l2Sender = new AztecAddress(Fr.of(0x77));
      Fr outContent = Fr.of(0x4242);
      Tx withMessage = new Tx(plain.anchorBlockHash(), plain.chainId(), plain.rollupVersion(),
          new TxEffects(e.nullifiers(), e.noteHashes(), e.publicDataWrites(),
              List.of(new ScopedL2ToL1Message(user.sender(), outContent, l2Sender)), e.privateLogs(), e.publicLogs()),
          plain.publicCalls(), plain.gasSettings(), plain.feePayer(), plain.expiration(), plain.proof());
      rpc.call("node_sendTx", TxJson.encode(withMessage));
      long outBlock = awaitMined(rpc, withMessage);
      L2Block mined = sequencer.api().getBlock(outBlock).toCompletableFuture().get().orElseThrow();
      List<Fr> hashes = ProposedHeader.l2ToL1MessageHashes(mined.txEffects(), Fr.of(1), Fr.of(31337));
      assertEquals(1, hashes.size());
      OutHashTree outTree = OutHashTree.of(hashes);
      try (L1Client l1 = L1Client.readOnly(sequencer.l1().rpcUrl(), TIMEOUT)) {
        awaitOnL1(new RollupClient(l1, contracts.rollup()), outBlock);
      }
      byte[] consume = OutboxCalls.consume(l2Sender, 1, user.sender(), 31337, outContent, outBlock, 0,
          outTree.path(0));
      assertTrue(user.send(contracts.outbox(), consume, "Outbox.consume").isStatusOK());
      L1RevertException again = assertThrows(L1RevertException.class,
          () -> user.send(contracts.outbox(), consume, "Outbox.consume"));
      assertEquals("Outbox__AlreadyConsumed", again.errorName());

      // a follower rebuilds the same blocks, messages included, and serves the same witness
      ObsidianSettings followerSettings = new SandboxSettings().dataDir(dir.resolve("follower")).port(0)
          .flag("--l1-rpc-url", "obsidian.l1.rpc-url", sequencer.l1().rpcUrl()).load(null, Map.of());
      try (FollowerNode follower = FollowerNode.start(followerSettings, sequencer.l1().rpcUrl(), contracts.rollup(),
          OptionalLong.empty())) {
        long height = rpc.call("node_getBlockNumber").asLong();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (follower.node().getBlockNumber().toCompletableFuture().get() < height) {
          assertTrue(System.nanoTime() < deadline, "follower: " + follower.syncStatus().toCompletableFuture().get());
          Thread.sleep(100);
        }
        assertEquals(sequencer.api().getBlocks(1, (int) height).toCompletableFuture().get(),
            follower.node().getBlocks(1, (int) height).toCompletableFuture().get());
        assertEquals(sequencer.api().getL1ToL2MessageMembershipWitness(
                dev.obsidian.actors.BlockParameter.LATEST, leaf).toCompletableFuture().get(),
            follower.node().getL1ToL2MessageMembershipWitness(dev.obsidian.actors.BlockParameter.LATEST, leaf)
                .toCompletableFuture().get());
      }
    }
  }

  private static List<String> textList(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(node -> out.add(node.asText()));
    return out;
  }

  /** The root a leaf and its sibling path give: Poseidon2 of (left, right) up the tree, as Aztec's trees hash. */
  private static Fr rootFromPath(Fr leaf, long index, List<String> path) {
    Fr node = leaf;
    for (int level = 0; level < path.size(); level++) {
      Fr sibling = Fr.fromHex(path.get(level));
      node = ((index >>> level) & 1) == 0 ? Poseidon2.hash2(node, sibling) : Poseidon2.hash2(sibling, node);
    }
    return node;
  }

  private void buildBlocksUntil(RpcClient rpc, long height) throws InterruptedException {
    while (rpc.call("node_getBlockNumber").asLong() < height) {
      Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
      rpc.call("node_sendTx", TxJson.encode(tx));
      awaitMined(rpc, tx);
    }
  }

  private static long awaitMined(RpcClient rpc, Tx tx) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      JsonNode receipt = rpc.call("node_getTxReceipt", tx.hash().value().toHex());
      if (List.of("mined", "proven").contains(receipt.get("status").asText())) {
        return receipt.get("blockNumber").asLong();
      }
      assertTrue(System.nanoTime() < deadline, tx.hash() + " not mined: " + receipt);
      Thread.sleep(50);
    }
  }

  private static void awaitOnL1(RollupClient rollup, long block) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (rollup.pendingBlockNumber() < block) {
      assertTrue(System.nanoTime() < deadline, "L1 at " + rollup.pendingBlockNumber() + ", waiting for " + block);
      Thread.sleep(100);
    }
  }
}

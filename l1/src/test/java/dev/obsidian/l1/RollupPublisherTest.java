package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.L1Publisher;
import dev.obsidian.actors.block.BlockHeader;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.merkle.TreeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The publisher on a real Anvil: a block L1 already holds is reported Published without a second proposal (the
 * restart-after-crash case), and blocks L1 lacks below the one asked for are sent first, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupPublisherTest {
  private AnvilFixture l1;
  private RollupClient rollup;
  private final TestBlocks random = new TestBlocks(3);
  private final List<L2Block> chain = new ArrayList<>();

  @BeforeAll
  void startAnvil() {
    l1 = new AnvilFixture();
  }

  @AfterAll
  void stopAnvil() {
    l1.close();
  }

  @BeforeEach
  void deployAndBuildChain() {
    rollup = new RollupClient(l1.sequencer, l1.deploy(0).rollup());
    chain.clear();
    Fr archive = Constants.GENESIS_ARCHIVE_ROOT;
    for (long number = 1; number <= 5; number++) {
      L2Block block = block(number, archive);
      chain.add(block);
      archive = block.archive().root();
    }
  }

  @Test
  void aBlockAlreadyOnL1IsReportedPublishedWithoutResending() throws Exception {
    try (RollupPublisher publisher = publisher()) {
      L1Publisher.Outcome first = publisher.publish(chain.get(0)).toCompletableFuture().get();
      String txHash = assertInstanceOf(L1Publisher.Published.class, first).l1TxHash();
      long nonce = nonce();
      try (RollupPublisher afterRestart = publisher()) {
        L1Publisher.Outcome again = afterRestart.publish(chain.get(0)).toCompletableFuture().get();
        assertEquals(new L1Publisher.Published(txHash), again, "the original proposal's tx is reported");
      }
      assertEquals(nonce, nonce(), "nothing was sent the second time");
      assertEquals(1, rollup.proposedLogsOf(1).size());
    }
  }

  @Test
  void missingEarlierBlocksAreSentFirstInOrder() throws Exception {
    try (RollupPublisher publisher = publisher()) {
      L1Publisher.Outcome outcome = publisher.publish(chain.get(3)).toCompletableFuture().get();
      assertInstanceOf(L1Publisher.Published.class, outcome);
      assertEquals(4, rollup.pendingBlockNumber());
      for (L2Block block : chain.subList(0, 4)) {
        assertEquals(block.archive().root(), rollup.archiveAt(block.number()));
      }
      assertEquals(List.of(1L, 2L, 3L, 4L), rollup.proposedLogs(0, l1.sequencer.blockNumber()).stream()
          .map(RollupClient.BlockProposedLog::blockNumber).toList());
    }
  }

  @Test
  void proposalsAnL1ReorgDroppedAreSentAgain() throws Exception {
    try (RollupPublisher publisher = publisher()) {
      publisher.publish(chain.get(1)).toCompletableFuture().get();
      String snapshot = rpc("evm_snapshot").asText();
      publisher.publish(chain.get(4)).toCompletableFuture().get();
      assertEquals(5, rollup.pendingBlockNumber());
      assertTrue(rpc("evm_revert", snapshot).asBoolean(), "L1 drops the blocks holding proposals 3 to 5");
      assertEquals(2, rollup.pendingBlockNumber());

      L1Publisher.Outcome outcome = publisher.publish(chain.get(4)).toCompletableFuture().get();
      assertInstanceOf(L1Publisher.Published.class, outcome);
      for (L2Block block : chain) {
        assertEquals(block.archive().root(), rollup.archiveAt(block.number()));
      }
      assertEquals(List.of(1L, 2L, 3L, 4L, 5L), rollup.proposedLogs(0, l1.sequencer.blockNumber()).stream()
          .map(RollupClient.BlockProposedLog::blockNumber).toList(), "each block once on the surviving chain");
    }
  }

  private com.fasterxml.jackson.databind.JsonNode rpc(String method, Object... params) throws Exception {
    String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of(
        "jsonrpc", "2.0", "id", 1, "method", method, "params", List.of(params)));
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(l1.anvil.rpcUrl()))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("result");
  }

  @Test
  void aDifferentBlockAtTheSameHeightIsNotPublished() throws Exception {
    try (RollupPublisher publisher = publisher()) {
      publisher.publish(chain.get(0)).toCompletableFuture().get();
      L2Block other = block(1, Constants.GENESIS_ARCHIVE_ROOT);
      L1Publisher.Outcome outcome = publisher.publish(other).toCompletableFuture().get();
      String reason = assertInstanceOf(L1Publisher.NotPublished.class, outcome).reason();
      assertTrue(reason.contains("L1 holds a different block 1"), reason);
    }
  }

  @Test
  void aRevertIsReportedWithItsName() throws Exception {
    L2Block wrongParent = block(1, random.field());
    try (RollupPublisher publisher = new RollupPublisher(rollup, n -> Optional.empty(), 1, 31337)) {
      L1Publisher.Outcome outcome = publisher.publish(wrongParent).toCompletableFuture().get();
      String reason = assertInstanceOf(L1Publisher.NotPublished.class, outcome).reason();
      assertTrue(reason.contains("Rollup__InvalidArchive"), reason);
    }
  }

  private RollupPublisher publisher() {
    return new RollupPublisher(rollup, n -> n >= 1 && n <= chain.size() ? Optional.of(chain.get((int) n - 1))
        : Optional.empty(), 1, 31337);
  }

  private long nonce() throws Exception {
    return l1.sequencer.web3j().ethGetTransactionCount(l1.sequencer.sender().toString(),
        org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send().getTransactionCount().longValueExact();
  }

  /** A block with real structure; roots are random (the Rollup checks linkage and effects, not Poseidon2). */
  private L2Block block(long number, Fr lastArchive) {
    StateReference state = new StateReference(new TreeInfo(random.field(), 0), new TreeInfo(random.field(), 64),
        new TreeInfo(random.field(), 192), new TreeInfo(random.field(), 3));
    GlobalVariables globals = new GlobalVariables(31337, 1, number, number, 1_700_000_000L + number,
        EthAddress.ZERO, AztecAddress.ZERO, new GasFees(1, 1));
    BlockHeader header = new BlockHeader(new TreeInfo(lastArchive, number), state, random.field(), globals,
        Fr.of(10), 100);
    return new L2Block(header, new TreeInfo(random.field(), number + 1), random.transfers(2));
  }
}

package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.config.ArchiverSettings;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.L1ToL2Message;
import dev.obsidian.persistence.JournalConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archiver actor on a real Anvil and the real embedded journal: proposals and messages followed, a reorg rolled
 * back to the common ancestor and re-read, recovery from the journal, and the named errors (unreachable RPC, wrong
 * chain id, a malformed log emitted by real EVM code) retried or halting without journaling anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class L1ArchiverTest {
  private static final ArchiverSettings FAST = new ArchiverSettings(Duration.ofMillis(50), 0, 1000, 64,
      Duration.ofMillis(20), Duration.ofMillis(200));
  private AnvilFixture l1;
  private final TestBlocks blocks = new TestBlocks(77);
  @TempDir Path dir;

  @BeforeAll
  void start() {
    l1 = new AnvilFixture();
  }

  @AfterAll
  void stop() {
    l1.close();
  }

  /** An actor system on an embedded journal in {@code dataDir}. */
  private static ActorTestKit kit(Path dataDir) throws Exception {
    JournalConfig.Embedded journal = JournalConfig.embedded(dataDir);
    ActorTestKit kit = ActorTestKit.create("archiver-test",
        journal.toConfig().withFallback(ConfigFactory.load()));
    journal.prepare(kit.system()).toCompletableFuture().get();
    return kit;
  }

  private ArchiverSource source(L1Contracts contracts) {
    return new ArchiverSource(l1.sequencer, contracts.rollup(), contracts.inbox());
  }

  @Test
  void followsProposalsAndMessagesRollsBackAReorgAndRecoversFromTheJournal() throws Exception {
    L1Contracts contracts = l1.deploy(0);
    RollupClient rollup = new RollupClient(l1.sequencer, contracts.rollup());
    Path data = Files.createDirectory(dir.resolve("follow"));
    ActorTestKit kit = kit(data);
    ActorRef<L1Archiver.Command> archiver = kit.spawn(L1Archiver.create(source(contracts),
        L1Archiver.Target.of(contracts), FAST));
    TestProbe<L1Archiver.Notification> events = kit.createTestProbe();
    archiver.tell(new L1Archiver.Subscribe(events.getRef()));

    AztecAddress recipient = new AztecAddress(blocks.field());
    Fr content = blocks.field();
    Fr secretHash = blocks.field();
    l1.other.send(contracts.inbox(), Abi.call("sendL2Message(bytes32,bytes32,bytes32)", List.of(
        MessagingOnAnvilTest.bytes32(recipient.toField()), MessagingOnAnvilTest.bytes32(content),
        MessagingOnAnvilTest.bytes32(secretHash))), "Inbox.sendL2Message");
    ProposedHeader.Proposal first = propose(rollup, 1, Constants.GENESIS_ARCHIVE_ROOT);
    awaitAdvance(events, n -> n.latestL2Block() == 1);

    Fr expectedLeaf = new L1ToL2Message(l1.other.sender(), Fr.of(31337), recipient, Fr.of(1), content, secretHash,
        Fr.of(1024)).hash();
    assertEquals(Optional.of(List.of()), messages(kit, archiver, 1), "block 1's tree is always empty");
    List<L1Archiver.MessageSeen> tree2 = messages(kit, archiver, 2).orElseThrow();
    assertEquals(1, tree2.size());
    assertEquals(expectedLeaf, tree2.get(0).hash());
    assertEquals(1024, tree2.get(0).index());
    assertEquals(Optional.empty(), messages(kit, archiver, 3), "tree 3 stays open until block 2 is proposed");

    String snapshot = l1.rpc("evm_snapshot");
    long ancestor = l1.sequencer.blockNumber();
    propose(rollup, 2, first.header().archiveRoot());
    awaitAdvance(events, n -> n.latestL2Block() == 2);
    l1.rpc("evm_revert", snapshot);
    l1.rpc("anvil_mine", "0x3");
    ProposedHeader.Proposal replacement = propose(rollup, 2, first.header().archiveRoot(), 5);

    L1Archiver.Reorged reorg = awaitReorg(events);
    assertEquals(ancestor, reorg.toL1Block(), "rolled back to the last common block");
    assertEquals(1, reorg.latestL2Block(), "block 2's proposal left L1 with the reorg");
    awaitAdvance(events, n -> n.latestL2Block() == 2);
    List<L1Archiver.ProposalSeen> proposals = proposals(kit, archiver, 1);
    assertEquals(List.of(first.header().archiveRoot(), replacement.header().archiveRoot()),
        proposals.stream().map(L1Archiver.ProposalSeen::archive).toList());
    L1Archiver.Status before = status(kit, archiver);
    assertEquals(1, before.reorgs());
    assertEquals(1, before.messages());
    kit.shutdownTestKit();

    ActorTestKit again = kit(data);
    try {
      ActorRef<L1Archiver.Command> recovered = again.spawn(L1Archiver.create(source(contracts),
          L1Archiver.Target.of(contracts), FAST));
      assertEquals(proposals, proposals(again, recovered, 1), "the journal gives back the same proposals");
      L1Archiver.Status after = status(again, recovered);
      assertEquals(before.latestL2Block(), after.latestL2Block());
      assertEquals(1, after.reorgs());
      assertTrue(after.l1Block() >= before.l1Block());
      assertEquals(tree2, messages(again, recovered, 2).orElseThrow());
    } finally {
      again.shutdownTestKit();
    }
  }

  @Test
  void logsAreTakenOnlyUnderTheConfiguredConfirmations() throws Exception {
    L1Contracts contracts = l1.deploy(0);
    RollupClient rollup = new RollupClient(l1.sequencer, contracts.rollup());
    ActorTestKit kit = kit(Files.createDirectory(dir.resolve("confirmations")));
    try {
      ActorRef<L1Archiver.Command> archiver = kit.spawn(L1Archiver.create(source(contracts),
          L1Archiver.Target.of(contracts), FAST.withConfirmations(2)));
      propose(rollup, 1, Constants.GENESIS_ARCHIVE_ROOT);
      long proposalBlock = l1.sequencer.blockNumber();
      L1Archiver.Status waiting = awaitStatus(kit, archiver, s -> s.l1Block() == proposalBlock - 2);
      Thread.sleep(300); // several polls: still nothing past head - 2
      assertEquals(proposalBlock - 2, status(kit, archiver).l1Block());
      assertEquals(0, waiting.latestL2Block(), "the proposal has fewer than 2 confirmations");
      assertEquals(Optional.empty(), messages(kit, archiver, 2), "so block 2's messages are not final either");
      l1.rpc("anvil_mine", "0x2");
      L1Archiver.Status confirmed = awaitStatus(kit, archiver, s -> s.latestL2Block() == 1);
      assertEquals(proposalBlock, confirmed.l1Block());
      assertEquals(Optional.of(List.of()), messages(kit, archiver, 2));
    } finally {
      kit.shutdownTestKit();
    }
  }

  @Test
  void anUnreachableL1IsRetriedWithBackoffAndNothingIsJournaled() throws Exception {
    L1Contracts contracts = l1.deploy(0);
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    L1Client unreachable = L1Client.readOnlyUnchecked("http://127.0.0.1:" + closedPort);
    ActorTestKit kit = kit(Files.createDirectory(dir.resolve("unreachable")));
    try {
      ActorRef<L1Archiver.Command> archiver = kit.spawn(L1Archiver.create(
          new ArchiverSource(unreachable, contracts.rollup(), contracts.inbox()), L1Archiver.Target.of(contracts),
          FAST));
      L1Archiver.Status status = awaitStatus(kit, archiver, s -> s.consecutiveFailures() >= 3);
      assertTrue(status.lastError().orElseThrow().startsWith("L1_UNREACHABLE: eth_chainId"), status.toString());
      assertFalse(status.halted(), "an unreachable L1 is retried");
      assertEquals(-1, status.l1Block(), "nothing journaled");
      assertEquals(List.of(), proposals(kit, archiver, 1));
    } finally {
      kit.shutdownTestKit();
      unreachable.close();
    }
  }

  @Test
  void backoffDoublesUpToItsMaximum() {
    ArchiverSettings settings = new ArchiverSettings(Duration.ofMillis(50), 0, 10, 10, Duration.ofMillis(100),
        Duration.ofMillis(700));
    List<Long> waits = java.util.stream.IntStream.rangeClosed(1, 5)
        .mapToObj(n -> L1Archiver.backoff(settings, n).toMillis()).toList();
    assertEquals(List.of(100L, 200L, 400L, 700L, 700L), waits);
  }

  @Test
  void aReorgBelowEveryRememberedHashHaltsTheArchiverWithoutJournalingIt() throws Exception {
    L1Contracts contracts = l1.deploy(0);
    RollupClient rollup = new RollupClient(l1.sequencer, contracts.rollup());
    ArchiverSettings oneHash = new ArchiverSettings(Duration.ofMillis(50), 0, 1000, 1, Duration.ofMillis(20),
        Duration.ofMillis(200));
    String snapshot = l1.rpc("evm_snapshot");
    propose(rollup, 1, Constants.GENESIS_ARCHIVE_ROOT);
    ActorTestKit kit = kit(Files.createDirectory(dir.resolve("deep")));
    try {
      ActorRef<L1Archiver.Command> archiver = kit.spawn(L1Archiver.create(source(contracts),
          L1Archiver.Target.of(contracts), oneHash));
      L1Archiver.Status synced = awaitStatus(kit, archiver, s -> s.latestL2Block() == 1);
      l1.rpc("evm_revert", snapshot);
      l1.rpc("anvil_mine", "0x3");
      L1Archiver.Status halted = awaitStatus(kit, archiver, L1Archiver.Status::halted);
      assertTrue(halted.lastError().orElseThrow().startsWith("L1_REORG_TOO_DEEP: L1 block " + synced.l1Block()
          + " left the chain and none of the 1 remembered blocks"), halted.toString());
      assertEquals(synced.l1Block(), halted.l1Block(), "nothing journaled for the failed poll");
      assertEquals(0, halted.reorgs());
    } finally {
      kit.shutdownTestKit();
    }
  }

  @Test
  void aWrongChainIdHaltsTheArchiver() throws Exception {
    L1Contracts contracts = l1.deploy(0);
    L1Archiver.Target wrong = new L1Archiver.Target(1, contracts.rollup(), contracts.inbox(),
        contracts.deploymentL1Block());
    ActorTestKit kit = kit(Files.createDirectory(dir.resolve("wrong-chain")));
    try {
      ActorRef<L1Archiver.Command> archiver = kit.spawn(L1Archiver.create(source(contracts), wrong, FAST));
      L1Archiver.Status status = awaitStatus(kit, archiver, L1Archiver.Status::halted);
      assertEquals("WRONG_CHAIN_ID: L1 reports chain id 31337, the node follows chain 1 (obsidian.l1.chain-id)",
          status.lastError().orElseThrow());
      assertEquals(1, status.consecutiveFailures(), "not retried");
      assertEquals(-1, status.l1Block());
    } finally {
      kit.shutdownTestKit();
    }
  }

  @Test
  void aMalformedLogIsNamedRetriedAndNeverJournaled() throws Exception {
    L1Contracts contracts = l1.deploy(0);
    RollupClient rollup = new RollupClient(l1.sequencer, contracts.rollup());
    ProposedHeader.Proposal first = propose(rollup, 1, Constants.GENESIS_ARCHIVE_ROOT);
    String snapshot = l1.rpc("evm_snapshot");
    String inboxCode = l1.rpc("eth_getCode", contracts.inbox().toString(), "latest");
    // real EVM code at the Inbox's address that emits a MessageSent with 64 data bytes instead of 160
    l1.rpc("anvil_setCode", contracts.inbox().toString(), "0x7f" + "00".repeat(31) + "07" + "7f" + "00".repeat(31)
        + "02" + "7f" + ArchiverSource.MESSAGE_TOPIC.substring(2) + "6040" + "6000" + "a3" + "00");
    l1.other.send(contracts.inbox(), new byte[] {1}, "emit a malformed MessageSent");
    long badBlock = l1.sequencer.blockNumber();
    l1.rpc("anvil_setCode", contracts.inbox().toString(), inboxCode);

    ActorTestKit kit = kit(Files.createDirectory(dir.resolve("malformed")));
    try {
      ActorRef<L1Archiver.Command> archiver = kit.spawn(L1Archiver.create(source(contracts),
          L1Archiver.Target.of(contracts), FAST));
      L1Archiver.Status status = awaitStatus(kit, archiver, s -> s.consecutiveFailures() >= 2);
      assertTrue(status.lastError().orElseThrow().startsWith("MALFORMED_LOG: MessageSent.data: 64 bytes, expected "
          + "160 (L1 block " + badBlock), status.toString());
      assertFalse(status.halted());
      assertEquals(-1, status.l1Block(), "the batch holding the bad log is not journaled, nor anything in it");

      l1.rpc("evm_revert", snapshot); // the bad log leaves L1: the archiver gets through
      L1Archiver.Status recovered = awaitStatus(kit, archiver, s -> s.latestL2Block() == 1);
      assertEquals(Optional.empty(), recovered.lastError());
      assertEquals(first.header().archiveRoot(), proposals(kit, archiver, 1).get(0).archive());
    } finally {
      kit.shutdownTestKit();
    }
  }

  private ProposedHeader.Proposal propose(RollupClient rollup, long number, Fr lastArchive) {
    return propose(rollup, number, lastArchive, 1);
  }

  private ProposedHeader.Proposal propose(RollupClient rollup, long number, Fr lastArchive, int txs) {
    ProposedHeader.Proposal proposal = blocks.proposal(number, lastArchive, blocks.transfers(txs),
        rollup.inboxRoot(number));
    rollup.propose(proposal.header(), proposal.effects(), new byte[0]);
    return proposal;
  }

  private static void awaitAdvance(TestProbe<L1Archiver.Notification> events,
      Predicate<L1Archiver.Advanced> until) {
    events.fishForMessage(Duration.ofSeconds(20), n -> n instanceof L1Archiver.Advanced a && until.test(a)
        ? org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.complete()
        : org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.continueAndIgnore());
  }

  private static L1Archiver.Reorged awaitReorg(TestProbe<L1Archiver.Notification> events) {
    List<L1Archiver.Notification> seen = events.fishForMessage(Duration.ofSeconds(20),
        n -> n instanceof L1Archiver.Reorged
            ? org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.complete()
            : org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes.continueAndIgnore());
    return assertInstanceOf(L1Archiver.Reorged.class, seen.get(seen.size() - 1));
  }

  private static Optional<List<L1Archiver.MessageSeen>> messages(ActorTestKit kit,
      ActorRef<L1Archiver.Command> archiver, long block) {
    TestProbe<Optional<List<L1Archiver.MessageSeen>>> probe = kit.createTestProbe();
    archiver.tell(new L1Archiver.GetMessages(block, probe.getRef()));
    return probe.receiveMessage(Duration.ofSeconds(10));
  }

  private static List<L1Archiver.ProposalSeen> proposals(ActorTestKit kit, ActorRef<L1Archiver.Command> archiver,
      long from) {
    TestProbe<List<L1Archiver.ProposalSeen>> probe = kit.createTestProbe();
    archiver.tell(new L1Archiver.GetProposals(from, 100, probe.getRef()));
    return probe.receiveMessage(Duration.ofSeconds(10));
  }

  private static L1Archiver.Status status(ActorTestKit kit, ActorRef<L1Archiver.Command> archiver) {
    TestProbe<L1Archiver.Status> probe = kit.createTestProbe();
    archiver.tell(new L1Archiver.GetStatus(probe.getRef()));
    return probe.receiveMessage(Duration.ofSeconds(10));
  }

  private static L1Archiver.Status awaitStatus(ActorTestKit kit, ActorRef<L1Archiver.Command> archiver,
      Predicate<L1Archiver.Status> until) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    L1Archiver.Status status = status(kit, archiver);
    while (!until.test(status)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("status never matched: " + status);
      }
      Thread.sleep(50);
      status = status(kit, archiver);
    }
    return status;
  }
}

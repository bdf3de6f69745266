package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.block.BlockHeader;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.actors.testkit.Await;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.actors.L1Publisher;
import dev.obsidian.l1.L1PublisherActor.ChainAbandoned;
import dev.obsidian.l1.L1PublisherActor.Command;
import dev.obsidian.l1.L1PublisherActor.Event;
import dev.obsidian.l1.L1PublisherActor.L1TxDropped;
import dev.obsidian.l1.L1PublisherActor.L1TxMined;
import dev.obsidian.l1.L1PublisherActor.L1TxReplaced;
import dev.obsidian.l1.L1PublisherActor.L1TxSent;
import dev.obsidian.l1.L1PublisherActor.PublishRequested;
import dev.obsidian.l1.L1PublisherActor.Published;
import dev.obsidian.l1.L1PublisherActor.State;
import dev.obsidian.merkle.TreeInfo;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.BehaviorInterceptor;
import org.apache.pekko.actor.typed.TypedActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The event-sourced L1 publisher against a real Anvil, one fresh Rollup per test. The testkit round-trips every event
 * and the state through Kryo; restarts recover from the journal (the crash cases), PersistenceTestKit injects journal
 * failures. What lands on L1 is checked on L1 itself: the Rollup's archive per block, its {@code L2BlockProposed} logs
 * (each block exactly once) and the sender's nonce (one transaction per block).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class L1PublisherActorTest {
  private static final L1PublisherActor.Settings SETTINGS = new L1PublisherActor.Settings(1, Duration.ofMillis(50),
      20, 2, BigInteger.valueOf(1_000).multiply(BigInteger.TEN.pow(9)), 3, Duration.ofMillis(50),
      Duration.ofMillis(400), Duration.ofMillis(200), 1, 31337);
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));
  private AnvilFixture l1;
  private AnvilRpc anvil;
  private RollupClient rollup;
  private final TestBlocks random = new TestBlocks(11);
  private final List<L2Block> chain = new ArrayList<>();
  private final List<Long> heights = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final List<L1Publisher.ChainAbandoned> abandoned = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private EventSourcedBehaviorTestKit<Command, Event, State> publisher;
  /** The testkit publishers of the running test, stopped after it (the testkit itself cannot stop them). */
  private final List<Retirable> live = new ArrayList<>();

  @BeforeAll
  void startAnvil() {
    l1 = new AnvilFixture();
    anvil = new AnvilRpc(l1.anvil.rpcUrl());
  }

  @AfterAll
  void stopAnvil() {
    testKit.shutdownTestKit();
    l1.close();
  }

  @BeforeEach
  void deployAndBuildChain() {
    anvil.automine(true);
    rollup = new RollupClient(l1.sequencer, l1.deploy(0).rollup());
    chain.clear();
    heights.clear();
    errors.clear();
    abandoned.clear();
    Fr archive = Constants.GENESIS_ARCHIVE_ROOT;
    for (long number = 1; number <= 5; number++) {
      L2Block block = block(number, archive);
      chain.add(block);
      archive = block.archive().root();
    }
    publisher = publisher(rollup, n -> n >= 1 && n <= chain.size() ? Optional.of(chain.get((int) n - 1))
        : Optional.empty());
  }

  /**
   * Stops this test's publishers: left running they would go on polling L1 every reconcile interval with the
   * sequencer's key, read blocks from the next test's chain and report to its listener lists.
   */
  @AfterEach
  void stopPublishersAndAutomineAgain() throws Exception {
    try {
      for (Retirable handle : live) {
        handle.retire();
      }
    } finally {
      live.clear();
      anvil.automine(true);
    }
  }

  @Test
  void publishesEachBlockOnceInOrderThroughTheTxLifecycle() {
    long nonceBefore = l1.sequencer.nonce(false);
    for (L2Block block : chain.subList(0, 3)) {
      assertEquals(block.number(), publish(block).blockNumber());
    }
    awaitPublished(3);

    List<Event> events = events();
    for (long n = 1; n <= 3; n++) {
      long block = n;
      List<String> kinds = events.stream().filter(e -> e.blockNumber() == block)
          .map(e -> e.getClass().getSimpleName()).toList();
      assertEquals(List.of("PublishRequested", "L1TxSent", "L1TxMined", "Published"), kinds,
          "block " + n);
      L1TxSent sent = only(events, L1TxSent.class, n);
      L1TxMined mined = only(events, L1TxMined.class, n);
      assertEquals(sent.hash(), mined.hash(), "the journaled transaction is the one mined");
      assertEquals(chain.get((int) n - 1).archive().root(), rollup.archiveAt(n));
    }
    assertEquals(List.of(1L, 2L, 3L), proposedOnL1());
    assertEquals(nonceBefore + 3, l1.sequencer.nonce(false), "one transaction per block");
    assertEquals(3, heights.get(heights.size() - 1), "the listener learned the published height");
  }

  @Test
  void aRepeatedRequestIsAcceptedWithoutSecondProposal() {
    publish(chain.get(0));
    awaitPublished(1);
    publish(chain.get(0));
    publish(chain.get(0));
    assertEquals(1, events().stream().filter(e -> e instanceof PublishRequested).count());
    assertEquals(List.of(1L), proposedOnL1());
  }

  @Test
  void restartAfterTheTxIsJournaledButBeforeItsReceiptSendsNothingNew() {
    long nonceBefore = l1.sequencer.nonce(false);
    anvil.automine(false);
    publish(chain.get(0));
    await(() -> events().stream().anyMatch(e -> e instanceof L1TxSent), "the proposal is journaled");
    String journaled = only(events(), L1TxSent.class, 1).hash();
    publisher.restart();
    // sent before the restart, or re-sent byte for byte by the restarted actor: mined only once it is in the pool
    awaitInPool(journaled);
    anvil.mine();
    awaitPublished(1);
    assertEquals(journaled, only(events(), L1TxMined.class, 1).hash(), "the journaled transaction landed");
    assertEquals(1, events().stream().filter(e -> e instanceof L1TxSent).count(), "nothing new was signed");
    assertEquals(List.of(1L), proposedOnL1());
    assertEquals(nonceBefore + 1, l1.sequencer.nonce(false));
  }

  @Test
  void aJournalFailureAfterTheReceiptIsRecoveredFromL1() {
    long nonceBefore = l1.sequencer.nonce(false);
    anvil.automine(false);
    publish(chain.get(0));
    await(() -> events().stream().anyMatch(e -> e instanceof L1TxSent), "the proposal is journaled");
    awaitInPool(only(events(), L1TxSent.class, 1).hash());
    // the write of L1TxMined fails: the actor stops and restarts from the journal, which never saw the receipt
    publisher.persistenceTestKit().failNextPersisted();
    anvil.mine();
    awaitPublished(1);
    assertEquals(only(events(), L1TxSent.class, 1).hash(), only(events(), L1TxMined.class, 1).hash());
    assertEquals(List.of(1L), proposedOnL1());
    assertEquals(nonceBefore + 1, l1.sequencer.nonce(false), "the block was not proposed a second time");
  }

  @Test
  void aFailedJournalWriteOfTheTxSendsNothing() {
    long nonceBefore = l1.sequencer.nonce(false);
    publish(chain.get(0));
    publisher.persistenceTestKit().failNextPersisted(); // may hit L1TxSent: then nothing was broadcast
    awaitPublished(1);
    publish(chain.get(1));
    awaitPublished(2);
    assertEquals(List.of(1L, 2L), proposedOnL1());
    assertEquals(nonceBefore + 2, l1.sequencer.nonce(false));
  }

  @Test
  void aBlockAlreadyOnL1IsRecordedFromItsLogWithoutSending() {
    ProposedHeader.Proposal proposal = ProposedHeader.of(chain.get(0), rollup.inboxRoot(1), Fr.of(1), Fr.of(31337));
    String sentBefore = rollup.propose(proposal.header(), proposal.effects(), new byte[0]).getTransactionHash();
    long nonceBefore = l1.sequencer.nonce(false);
    publish(chain.get(0));
    awaitPublished(1);
    assertEquals(sentBefore, only(events(), L1TxMined.class, 1).hash());
    assertTrue(events().stream().noneMatch(e -> e instanceof L1TxSent));
    assertEquals(nonceBefore, l1.sequencer.nonce(false));
  }

  @Test
  void aStuckTxIsReplacedWithHigherFeesAndTheReplacementLands() {
    anvil.automine(false);
    publish(chain.get(0));
    await(() -> events().stream().anyMatch(e -> e instanceof L1TxSent), "the first proposal is sent");
    L1TxSent first = only(events(), L1TxSent.class, 1);
    awaitInPool(first.hash());
    // blocks that cannot include it: the base fee is far above what it offers
    BigInteger unaffordable = first.maxFeePerGas().multiply(BigInteger.TEN);
    for (int i = 0; i < SETTINGS.bumpAfterL1Blocks(); i++) {
      anvil.call("anvil_setNextBlockBaseFeePerGas", "0x" + unaffordable.toString(16));
      anvil.mine();
    }
    assertTrue(l1.sequencer.receiptSummary(first.hash()).isEmpty(), "the first proposal is stuck");
    await(() -> events().stream().anyMatch(e -> e instanceof L1TxReplaced), "the stuck proposal is replaced");
    // journaled together with its L1TxReplaced, sent after it: mined only once it is in the pool
    awaitInPool(newestSent(1).hash());
    anvil.mine();
    awaitPublished(1);

    List<Event> events = events();
    L1TxReplaced replaced = only(events, L1TxReplaced.class, 1);
    assertEquals(first.hash(), replaced.replacedHash());
    List<L1TxSent> sent = events.stream().filter(e -> e instanceof L1TxSent).map(e -> (L1TxSent) e).toList();
    L1TxSent replacement = sent.get(sent.size() - 1);
    assertEquals(first.nonce(), replacement.nonce(), "same nonce");
    assertTrue(replacement.maxFeePerGas().compareTo(first.maxFeePerGas().multiply(BigInteger.valueOf(120))
        .divide(BigInteger.valueOf(100))) >= 0, "fee raised by at least the bump");
    assertTrue(replacement.maxPriorityFeePerGas().compareTo(first.maxPriorityFeePerGas()) > 0);
    assertEquals(replacement.hash(), only(events, L1TxMined.class, 1).hash(), "the replacement landed");
    assertTrue(l1.sequencer.receiptSummary(first.hash()).isEmpty(), "the replaced one never did");
    assertEquals(List.of(1L), proposedOnL1());
  }

  @Test
  void blocksAnL1ReorgDroppedArePublishedAgain() {
    publish(chain.get(0));
    awaitPublished(1);
    String snapshot = anvil.call("evm_snapshot").asText();
    publish(chain.get(1));
    publish(chain.get(2));
    awaitPublished(3);
    String minedBefore = only(events(), L1TxMined.class, 3).hash();
    assertTrue(anvil.call("evm_revert", snapshot).asBoolean(), "L1 drops the blocks holding proposals 2 and 3");
    assertEquals(1, rollup.pendingBlockNumber());

    await(() -> events().stream().anyMatch(e -> e instanceof L1TxDropped), "the loss is noticed");
    await(() -> events().stream().filter(e -> e instanceof Published p && p.blockNumber() == 3).count() == 2,
        "block 3 is published again");
    L1TxDropped dropped = only(events(), L1TxDropped.class, 2);
    assertTrue(dropped.reason().contains("L1 no longer holds block 2"), dropped.reason());
    for (L2Block block : chain.subList(0, 3)) {
      assertEquals(block.archive().root(), rollup.archiveAt(block.number()));
    }
    assertEquals(List.of(1L, 2L, 3L), proposedOnL1(), "each block once on the surviving chain");
    assertTrue(heights.contains(1L), "the listener saw the height go down to 1");
    assertEquals(3L, heights.get(heights.size() - 1));
    assertFalse(minedBefore.isEmpty());
  }

  @Test
  void aChainPastThePruneWindowIsAbandonedTheNodeToldAndItsRebuiltBlockPublished() {
    rollup = new RollupClient(l1.sequencer, l1.deploy(4).rollup());
    publisher = publisher(rollup, n -> n >= 1 && n <= chain.size() ? Optional.of(chain.get((int) n - 1))
        : Optional.empty());
    publish(chain.get(0));
    publish(chain.get(1));
    awaitPublished(2);
    assertTrue(abandoned.isEmpty(), "inside the window nothing is abandoned");
    anvil.call("anvil_mine", "0xa"); // a long L1 stretch without proofs: the prune window passes
    assertTrue(rollup.canPrune());

    await(() -> events().stream().anyMatch(e -> e instanceof ChainAbandoned), "the publisher gives the chain up");
    ChainAbandoned given = only(events(), ChainAbandoned.class, 0);
    assertEquals(chain.get(0).archive().root(), given.firstDroppedArchive());
    assertEquals(2, given.fromBlock());
    assertTrue(given.reason().contains("prune window"), given.reason());
    assertEquals(List.of(new L1Publisher.ChainAbandoned(0, chain.get(0).archive().root(), given.reason())),
        abandoned, "the node is told once");
    assertEquals(0, status().publishedBlockNumber());
    assertEquals(List.of(), status().queued());
    assertEquals(0L, heights.get(heights.size() - 1), "the published height went down to the kept block");

    // a hand-over still built on the abandoned chain (the node has not rolled back yet) is not queued
    publish(chain.get(2));
    assertEquals(List.of(), status().queued());

    // the node rolls back and builds another block 1: its proposal prunes the old ones and takes their place
    L2Block rebuilt = block(1, Constants.GENESIS_ARCHIVE_ROOT);
    chain.clear();
    chain.add(rebuilt);
    publish(rebuilt);
    awaitPublished(1);
    assertEquals(1, rollup.pendingBlockNumber());
    assertEquals(rebuilt.archive().root(), rollup.archiveAt(1));
    List<RollupClient.PrunedLog> pruned = rollup.prunedLogs(0);
    assertEquals(1, pruned.size());
    assertEquals(0, pruned.get(0).provenBlockNumber());
    assertEquals(2, pruned.get(0).pendingBlockNumber());
    assertEquals(1, events().stream().filter(e -> e instanceof ChainAbandoned).count(), "abandoned once");

    // a restart tells the node the last decision again (it ignores it: its block 1 is another one now)
    State before = publisher.getState();
    assertEquals(before, publisher.restart().state());
    await(() -> abandoned.size() == 2, "the notice is repeated after a restart");
  }

  @Test
  void aBlockWhoseL1ToL2MessageAnL1ReorgDroppedIsAbandonedNotProposedAgain() {
    String snapshot = anvil.call("evm_snapshot").asText();
    org.web3j.protocol.core.methods.response.TransactionReceipt sent = l1.other.send(rollup.inbox(),
        OutboxCalls.sendL2Message(new AztecAddress(Fr.of(0xabc)), Fr.of(0x1234), Fr.of(0x5678)),
        "Inbox.sendL2Message");
    org.web3j.protocol.core.methods.response.Log log = sent.getLogs().get(0);
    assertEquals(2, new BigInteger(log.getTopics().get(1).substring(2), 16).longValueExact(), "tree of block 2");
    Fr leaf = Fr.fromBytesBE(L1Client.unhex(log.getTopics().get(2)));
    L2Block two = chain.get(1);
    L2Block withMessage = new L2Block(two.header(), two.archive(), two.txEffects(), List.of(leaf));
    chain.set(1, withMessage);
    publish(chain.get(0));
    publish(withMessage);
    awaitPublished(2);
    assertEquals(withMessage.archive().root(), rollup.archiveAt(2));

    assertTrue(anvil.call("evm_revert", snapshot).asBoolean(), "a deep reorg drops the message and both proposals");
    assertEquals(0, rollup.pendingBlockNumber());
    await(() -> events().stream().anyMatch(e -> e instanceof ChainAbandoned), "block 2 is given up");
    ChainAbandoned given = only(events(), ChainAbandoned.class, 1);
    assertEquals(withMessage.archive().root(), given.firstDroppedArchive());
    assertTrue(given.reason().contains("L1->L2 messages"), given.reason());
    assertEquals(1, rollup.pendingBlockNumber(), "block 1 (no messages) was proposed again, block 2 was not");
    assertEquals(chain.get(0).archive().root(), rollup.archiveAt(1));
    assertEquals(1, status().publishedBlockNumber());
    assertEquals(List.of(1L), abandoned.stream().map(L1Publisher.ChainAbandoned::toBlock).toList());
  }

  @Test
  void blocksL1LacksBelowTheRequestedOneAreSentFirst() {
    publish(chain.get(3));
    awaitPublished(4);
    assertEquals(List.of(1L, 2L, 3L, 4L), proposedOnL1());
  }

  @Test
  void aRevertIsNamedRetriedWithBackoffAndNothingElseJournaled() {
    withSpawned(rollup, n -> Optional.empty(), (actor, id) -> {
      this.<L1PublisherActor.Reply>ask(actor, replyTo -> new L1PublisherActor.Publish(block(1, random.field()), replyTo));
      await(() -> askStatus(actor).failures() >= SETTINGS.maxAttempts(), "retried up to the bound");
      String error = askStatus(actor).lastError().orElseThrow();
      assertTrue(error.contains("Rollup__InvalidArchive"), error);
      assertEquals(List.of("PublishRequested"), journaled(id));
      assertEquals(0, rollup.pendingBlockNumber());
    });
  }

  @Test
  void aDifferentBlockAtTheSameHeightIsReportedNotJournaled() {
    ProposedHeader.Proposal other = ProposedHeader.of(block(1, Constants.GENESIS_ARCHIVE_ROOT), rollup.inboxRoot(1),
        Fr.of(1), Fr.of(31337));
    rollup.propose(other.header(), other.effects(), new byte[0]);
    withSpawned(rollup, n -> Optional.empty(), (actor, id) -> {
      this.<L1PublisherActor.Reply>ask(actor, replyTo -> new L1PublisherActor.Publish(chain.get(0), replyTo));
      await(() -> askStatus(actor).lastError().isPresent(), "the conflict is reported");
      String error = askStatus(actor).lastError().get();
      assertTrue(error.contains("L1 holds a different block 1"), error);
      assertEquals(List.of("PublishRequested"), journaled(id));
    });
  }

  @Test
  void anUnreachableL1IsANamedRetriedErrorAndNothingIsJournaled() {
    AnvilProcess lost = AnvilProcess.start(AnvilProcess.Options.ephemeral());
    L1Client client = L1Client.connect(lost.rpcUrl(), L1PrivateKey.ANVIL_DEV_ACCOUNT_0, 31337, Duration.ofSeconds(5));
    L1Contracts contracts = Deployer.deploy(client, new Deployer.Options(client.sender(),
        Constants.GENESIS_ARCHIVE_ROOT, 1, 0, Deployer.DEFAULT_MAX_EFFECTS_BYTES, Fr.ZERO));
    lost.close();
    try {
      withSpawned(new RollupClient(client, contracts.rollup()), n -> Optional.empty(), (actor, id) -> {
        this.<L1PublisherActor.Reply>ask(actor, replyTo -> new L1PublisherActor.Publish(chain.get(0), replyTo));
        await(() -> askStatus(actor).failures() >= 2, "retried");
        String error = askStatus(actor).lastError().orElseThrow();
        assertTrue(error.contains("L1 RPC unreachable"), error);
        assertEquals(List.of("PublishRequested"), journaled(id));
      });
    } finally {
      client.close();
    }
  }

  @Test
  void aWrongChainIdIsRefusedByName() {
    L1Exception e = assertThrows(L1Exception.class,
        () -> L1Client.connect(l1.anvil.rpcUrl(), L1PrivateKey.ANVIL_DEV_ACCOUNT_0, 1, Duration.ofSeconds(5)));
    assertTrue(e.getMessage().contains("reports chain id 31337, expected 1"), e.getMessage());
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private String currentId;

  /** A publisher spawned as a plain actor (the journal still the testkit's), stopped after {@code test}. */
  private void withSpawned(RollupClient client, LongFunction<Optional<L2Block>> blocks,
      java.util.function.BiConsumer<ActorRef<Command>, String> test) {
    String id = "l1-publisher-spawned-" + ids.incrementAndGet();
    ActorRef<Command> actor = testKit.spawn(L1PublisherActor.create(PersistenceId.ofUniqueId(id), SETTINGS, client,
        blocks, (blockNumber, l1TxHash, l1BlockNumber) -> {}));
    try {
      test.accept(actor, id);
    } finally {
      testKit.stop(actor);
    }
  }

  private <R> R ask(ActorRef<Command> actor, java.util.function.Function<ActorRef<R>, Command> message) {
    try {
      return org.apache.pekko.actor.typed.javadsl.AskPattern.ask(actor, message::apply, Duration.ofSeconds(10),
          testKit.scheduler()).toCompletableFuture().get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private L1PublisherActor.Status askStatus(ActorRef<Command> actor) {
    return ask(actor, L1PublisherActor.GetStatus::new);
  }

  private List<String> journaled(String id) {
    return PersistenceTestKit.create(testKit.system()).persistedInStorage(id).stream()
        .map(e -> e.getClass().getSimpleName()).toList();
  }

  private EventSourcedBehaviorTestKit<Command, Event, State> publisher(RollupClient client,
      LongFunction<Optional<L2Block>> blocks) {
    String id = "l1-publisher-test-" + ids.incrementAndGet();
    currentId = id;
    Retirable handle = new Retirable();
    live.add(handle);
    return EventSourcedBehaviorTestKit.create(testKit.system(),
        handle.wrap(L1PublisherActor.create(PersistenceId.ofUniqueId(id), SETTINGS, client, blocks,
            new L1PublisherActor.Listener() {
              @Override
              public void publishedHeight(long blockNumber, String l1TxHash, long l1BlockNumber) {
                heights.add(blockNumber);
              }

              @Override
              public void attemptFailed(String error) {
                errors.add(error);
              }

              @Override
              public void chainAbandoned(long toBlock, Fr firstDroppedArchive, String reason) {
                abandoned.add(new L1Publisher.ChainAbandoned(toBlock, firstDroppedArchive, reason));
              }
            })),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyCommands(false).withVerifyEquality(true));
  }

  /**
   * A publisher behavior that stops at its next command once retired (it gets one at least every reconcile interval;
   * {@link #retire} sends one). A testkit restart spawns it again: the newest incarnation is the one stopped.
   */
  private final class Retirable {
    private volatile boolean retired;
    private volatile ActorRef<Command> self;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    Behavior<Command> wrap(Behavior<Command> behavior) {
      return Behaviors.intercept(() -> new BehaviorInterceptor<Command, Command>(Command.class) {
        @Override
        public Behavior<Command> aroundStart(TypedActorContext<Command> ctx, PreStartTarget<Command> target) {
          self = ctx.asJava().getSelf();
          return target.start(ctx);
        }

        @Override
        public Behavior<Command> aroundReceive(TypedActorContext<Command> ctx, Command msg,
            ReceiveTarget<Command> target) {
          if (retired) {
            stopped.complete(null);
            return Behaviors.stopped();
          }
          return target.apply(ctx, msg);
        }
      }, behavior);
    }

    void retire() throws Exception {
      retired = true;
      await(() -> self != null, "the publisher started");
      self.tell(new L1PublisherActor.GetStatus(testKit.system().ignoreRef()));
      stopped.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private L1PublisherActor.Accepted publish(L2Block block) {
    return (L1PublisherActor.Accepted) publisher.<L1PublisherActor.Reply>runCommand(
        replyTo -> new L1PublisherActor.Publish(block, replyTo)).reply();
  }

  private L1PublisherActor.Status status() {
    return publisher.runCommand(L1PublisherActor.GetStatus::new).reply();
  }

  private List<Event> events() {
    return publisher.persistenceTestKit().persistedInStorage(currentId).stream().map(e -> (Event) e).toList();
  }

  /**
   * Waits until Anvil holds the transaction: it is journaled before it is sent, so with automine off a block mined as
   * soon as it is journaled may come before the transaction and leave it pending with no further block to take it.
   */
  private void awaitInPool(String txHash) {
    await(() -> l1.sequencer.knows(txHash), "Anvil holds the transaction " + txHash);
  }

  private L1TxSent newestSent(long blockNumber) {
    List<L1TxSent> sent = events().stream().filter(e -> e instanceof L1TxSent s && s.blockNumber() == blockNumber)
        .map(e -> (L1TxSent) e).toList();
    assertFalse(sent.isEmpty(), "no L1TxSent of block " + blockNumber);
    return sent.get(sent.size() - 1);
  }

  private void awaitPublished(long blockNumber) {
    await(() -> status().publishedBlockNumber() >= blockNumber, "block " + blockNumber + " published");
  }

  private List<Long> proposedOnL1() {
    return rollup.proposedLogs(0, l1.sequencer.blockNumber()).stream()
        .map(RollupClient.BlockProposedLog::blockNumber).toList();
  }

  private static <T extends Event> T only(List<Event> events, Class<T> type, long blockNumber) {
    List<T> matching = events.stream().filter(type::isInstance).map(type::cast)
        .filter(e -> e.blockNumber() == blockNumber).toList();
    assertEquals(1, matching.size(), type.getSimpleName() + " of block " + blockNumber + " in " + events);
    return matching.get(0);
  }

  private static void await(BooleanSupplier condition, String what) {
    Await.until(condition, what, WAIT);
  }

  /** A block with real structure; roots other than the archive are random (the Rollup checks linkage and effects). */
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

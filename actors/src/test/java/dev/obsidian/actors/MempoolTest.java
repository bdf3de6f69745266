package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.TxVerdict.Code;
import dev.obsidian.actors.TxVerdict.Rejected;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Expiration;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.HashedTx;
import dev.obsidian.actors.tx.PublicCallRequest;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.WorldStateFork;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mempool under EventSourcedBehaviorTestKit, which also round-trips commands, events and state through Kryo. */
class MempoolTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));
  private static final WorldStateFork GENESIS = WorldStateFork.inMemoryGenesis();
  private static final Fr ANCHOR = Constants.GENESIS_BLOCK_HEADER_HASH;
  static final Mempool.Settings SETTINGS = new Mempool.Settings(3, 256 * 1024, 31337, 1, new GasFees(1, 1));

  private final FakeChain chain = new FakeChain();
  private final RandomTxs txs = new RandomTxs(42, 31337, 1);
  private final EventSourcedBehaviorTestKit<Mempool.Command, Mempool.Event, Mempool.State> mempool =
      EventSourcedBehaviorTestKit.create(testKit.system(),
          Mempool.create(PersistenceId.ofUniqueId("mempool-unit"), SETTINGS, chain, new UncheckedProofVerifier()),
          EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyEquality(true));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void clear() {
    mempool.clear();
  }

  private TxVerdict submit(Tx tx) {
    return mempool.<TxVerdict>runCommand(replyTo -> new Mempool.SubmitTx(tx, replyTo)).reply();
  }

  private Tx tx(long priorityFee) {
    return txs.next(ANCHOR, GENESIS, new GasFees(priorityFee, priorityFee));
  }

  private static Tx with(Tx tx, TxEffects effects, Fr anchor, Expiration expiration) {
    return new Tx(anchor, tx.chainId(), tx.rollupVersion(), effects, tx.publicCalls(), tx.gasSettings(), tx.feePayer(),
        expiration, tx.proof());
  }

  private static Rejected rejected(TxVerdict verdict) {
    return assertInstanceOf(Rejected.class, verdict);
  }

  @Test
  void acceptsAValidTxAndJournalsIt() {
    Tx tx = tx(1);
    var result = mempool.<TxVerdict>runCommand(replyTo -> new Mempool.SubmitTx(tx, replyTo));
    assertEquals(new TxVerdict.Accepted(tx.hash()), result.reply());
    assertEquals(List.of(new Mempool.TxAccepted(tx.hash(), tx)), result.events());
    assertEquals(TxStatus.PENDING,
        mempool.<TxReceipt>runCommand(r -> new Mempool.GetReceipt(tx.hash(), r)).reply().status());
  }

  @Test
  void refusesDuplicatesAndDoubleSpends() {
    Tx first = tx(1);
    submit(first);
    assertEquals(Code.DUPLICATE_TX, rejected(submit(first)).code());
    TxEffects e = first.effects();
    TxEffects reuse = new TxEffects(List.of(txs.field(), e.txNullifier()), List.of(), List.of(), List.of(), List.of(), List.of());
    Rejected pendingSpend = rejected(submit(with(first, reuse, ANCHOR, Expiration.NEVER)));
    assertEquals(Code.DOUBLE_SPEND, pendingSpend.code());
    assertEquals("effects.nullifiers[1]", pendingSpend.field());
    Tx other = tx(1);
    chain.nullifiers.add(other.effects().txNullifier());
    Rejected treeSpend = rejected(submit(other));
    assertEquals(Code.DOUBLE_SPEND, treeSpend.code());
    assertTrue(treeSpend.reason().contains("already in the nullifier tree"), treeSpend.reason());
  }

  @Test
  void refusesBadTxsWithTheFieldAtFault() {
    Tx tx = tx(1);
    assertEquals("anchorBlockHash", rejected(submit(with(tx, tx.effects(), Fr.of(5), Expiration.NEVER))).field());
    assertEquals(Code.EXPIRED, rejected(submit(with(tx, tx.effects(), ANCHOR, new Expiration(0, Long.MAX_VALUE)))).code());
    Tx wrongChain = new Tx(ANCHOR, 1, 1, tx.effects(), List.of(), tx.gasSettings(), tx.feePayer(), Expiration.NEVER, new byte[0]);
    assertEquals("chainId", rejected(submit(wrongChain)).field());
    Tx withCall = new Tx(ANCHOR, 31337, 1, tx.effects(),
        List.of(new PublicCallRequest(AztecAddress.ZERO, AztecAddress.of(2), false, Fr.ONE)), tx.gasSettings(),
        tx.feePayer(), Expiration.NEVER, new byte[0]);
    assertEquals(Code.PUBLIC_CALLS_UNSUPPORTED, rejected(submit(withCall)).code());
    var cheap = new dev.obsidian.actors.tx.GasSettings(tx.gasSettings().gasLimits(), tx.gasSettings().teardownGasLimits(),
        new GasFees(0, 0), GasFees.ZERO);
    Tx cheapTx = new Tx(ANCHOR, 31337, 1, tx.effects(), List.of(), cheap, tx.feePayer(), Expiration.NEVER, new byte[0]);
    assertEquals(Code.FEE_TOO_LOW, rejected(submit(cheapTx)).code());
    Tx huge = new Tx(ANCHOR, 31337, 1, tx.effects(), List.of(), tx.gasSettings(), tx.feePayer(), Expiration.NEVER,
        new byte[300 * 1024]);
    assertEquals(Code.TOO_LARGE, rejected(submit(huge)).code());
    assertEquals(0, mempool.getState().pending().size());
  }

  @Test
  void whenFullTheCheapestIsEvictedForABetterFeeOnly() {
    Tx cheapest = tx(1);
    submit(cheapest);
    submit(tx(5));
    submit(tx(6));
    assertEquals(Code.MEMPOOL_FULL, rejected(submit(tx(1))).code());
    Tx better = tx(9);
    var result = mempool.<TxVerdict>runCommand(replyTo -> new Mempool.SubmitTx(better, replyTo));
    assertInstanceOf(TxVerdict.Accepted.class, result.reply());
    assertInstanceOf(Mempool.TxEvicted.class, result.events().get(0));
    TxReceipt receipt = mempool.<TxReceipt>runCommand(r -> new Mempool.GetReceipt(cheapest.hash(), r)).reply();
    assertEquals(TxStatus.DROPPED, receipt.status());
    assertTrue(receipt.dropReason().orElseThrow().startsWith("evicted by a higher-fee tx"));
  }

  @Test
  void selectionIsByPriorityAndDropsExpiredTxs() {
    Tx low = tx(2);
    Tx high = tx(7);
    Tx expiring = with(tx(9), tx(9).effects(), ANCHOR, new Expiration(1, Long.MAX_VALUE));
    submit(low);
    submit(high);
    submit(expiring);
    var result = mempool.<Mempool.Selection>runCommand(r -> new Mempool.SelectTxs(5, 2, 100, r));
    assertEquals(List.of(HashedTx.of(high), HashedTx.of(low)), result.reply().txs());
    assertEquals(List.of(new Mempool.TxEvicted(expiring.hash(), "expired before block 2 at timestamp 100")), result.events());
  }

  @Test
  void includedTxsLeaveAndRestoredOnesComeBackAcrossRestarts() {
    Tx a = tx(3);
    Tx b = tx(4);
    submit(a);
    submit(b);
    mempool.<Done>runCommand(r -> new Mempool.MarkIncluded(1, List.of(a.hash()), r));
    assertEquals(List.of(b.hash()), List.copyOf(mempool.getState().pending().keySet()));
    mempool.<Done>runCommand(r -> new Mempool.Restore(1, List.of(a), r));
    Mempool.State before = mempool.getState();
    assertEquals(2, before.pending().size());
    assertEquals(before, mempool.restart().state());
    assertEquals(Optional.of(a.hash()), Optional.ofNullable(before.nullifierOwners().get(a.effects().txNullifier())));
    TxHash unknown = new TxHash(Fr.of(77));
    assertEquals(TxStatus.UNKNOWN, mempool.<TxReceipt>runCommand(r -> new Mempool.GetReceipt(unknown, r)).reply().status());
  }

  @Test
  void txsTheChainAlreadyHoldsAreNeverSelectedAndLeaveAsIncluded() {
    Tx mined = tx(9);
    Tx waiting = tx(2);
    submit(mined);
    submit(waiting);
    chain.included.put(mined.hash(), 4L);
    var result = mempool.<Mempool.Selection>runCommand(r -> new Mempool.SelectTxs(5, 5, 100, r));
    assertEquals(List.of(HashedTx.of(waiting)), result.reply().txs());
    assertEquals(List.of(new Mempool.TxsIncluded(4, List.of(mined.hash()))), result.events());
  }

  @Test
  void aMinedTxLeftPendingByACrashIsForgottenRightAfterRecovery() {
    // the sequencer's MarkIncluded is fire-and-forget: a crash can leave a mined tx journaled as pending
    Tx mined = tx(3);
    Tx waiting = tx(4);
    submit(mined);
    submit(waiting);
    chain.included.put(mined.hash(), 1L);
    mempool.restart();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (mempool.<Integer>runCommand(Mempool.GetPendingCount::new).reply() != 1) {
      assertTrue(System.nanoTime() < deadline, "the mined tx is still pending after recovery");
      Thread.onSpinWait();
    }
    assertEquals(List.of(waiting.hash()), List.copyOf(mempool.getState().pending().keySet()));
  }

  @Test
  void txsRefusedByTheTreesAreDroppedWithTheReason() {
    Tx refused = tx(3);
    submit(refused);
    var result = mempool.runCommand(new Mempool.Evict(2, List.of(refused.hash(), new TxHash(Fr.of(5))), "nullifier exists"));
    assertEquals(List.of(new Mempool.TxEvicted(refused.hash(), "refused while building block 2: nullifier exists")),
        result.events());
    TxReceipt receipt = mempool.<TxReceipt>runCommand(r -> new Mempool.GetReceipt(refused.hash(), r)).reply();
    assertEquals(TxStatus.DROPPED, receipt.status());
  }

  @Test
  void afterARestartTheCheapestIsStillTheOneEvicted() {
    Tx middle = tx(5);
    Tx cheapest = tx(2);
    submit(middle);
    submit(cheapest);
    submit(tx(7));
    mempool.restart();
    var result = mempool.<TxVerdict>runCommand(replyTo -> new Mempool.SubmitTx(tx(4), replyTo));
    assertInstanceOf(TxVerdict.Accepted.class, result.reply());
    assertEquals(new Mempool.TxEvicted(cheapest.hash(), "evicted by a higher-fee tx while the mempool was full"),
        result.events().get(0));
    assertEquals(Code.MEMPOOL_FULL, rejected(submit(tx(3))).code());
  }

  @Test
  void submissionsBeyondTheScreeningLimitAreRefusedAsBusy() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    FakeChain slow = new FakeChain() {
      @Override
      public int firstExistingNullifier(List<Fr> nullifiers) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return -1;
      }
    };
    var pool = testKit.spawn(Mempool.create(PersistenceId.ofUniqueId("mempool-busy"),
        new Mempool.Settings(10, 256 * 1024, 31337, 1, new GasFees(1, 1), 2), slow, new UncheckedProofVerifier()));
    var replies = testKit.<TxVerdict>createTestProbe();
    Tx first = tx(1);
    Tx second = tx(1);
    pool.tell(new Mempool.SubmitTx(first, replies.getRef()));
    pool.tell(new Mempool.SubmitTx(second, replies.getRef()));
    pool.tell(new Mempool.SubmitTx(tx(1), replies.getRef()));
    Rejected busy = rejected(replies.receiveMessage());
    assertEquals(Code.MEMPOOL_BUSY, busy.code());
    release.countDown();
    List<TxVerdict> admitted = List.of(replies.receiveMessage(), replies.receiveMessage());
    assertTrue(admitted.containsAll(List.of(new TxVerdict.Accepted(first.hash()), new TxVerdict.Accepted(second.hash()))),
        admitted.toString());
    testKit.stop(pool);
  }

  @Test
  void withProvingOnATxTheCircuitsCannotHoldIsRefusedNamingWhy() {
    var pool = testKit.spawn(Mempool.create(PersistenceId.ofUniqueId("mempool-provable"), SETTINGS, chain,
        new UncheckedProofVerifier(), effects -> effects.noteHashes().size() > 1
            ? Optional.of(effects.noteHashes().size() + " note hashes, at most 1") : Optional.empty()));
    var replies = testKit.<TxVerdict>createTestProbe();
    Tx base = tx(1);
    TxEffects e = base.effects();
    Tx three = with(base, new TxEffects(e.nullifiers(), List.of(Fr.of(11), Fr.of(12), Fr.of(13)),
        e.publicDataWrites(), e.l2ToL1Messages(), e.privateLogs(), e.publicLogs()), ANCHOR, Expiration.NEVER);
    pool.tell(new Mempool.SubmitTx(three, replies.getRef()));
    Rejected refused = rejected(replies.receiveMessage());
    assertEquals(Code.NOT_PROVABLE, refused.code());
    assertEquals("effects", refused.field());
    assertEquals("3 note hashes, at most 1", refused.reason());
    Tx one = with(base, new TxEffects(e.nullifiers(), List.of(Fr.of(11)), e.publicDataWrites(), e.l2ToL1Messages(),
        e.privateLogs(), e.publicLogs()), ANCHOR, Expiration.NEVER);
    pool.tell(new Mempool.SubmitTx(one, replies.getRef()));
    assertEquals(new TxVerdict.Accepted(one.hash()), replies.receiveMessage());
    testKit.stop(pool);
  }
}

package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.WorldStateFork;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A journal write that fails must not leave an accepted-but-unjournaled tx: no reply, restart, state from storage. */
class MempoolJournalFailureTest {
  private static final ActorTestKit testKit = ActorTestKit.create(PersistenceTestKitPlugin.getInstance().config()
      .withFallback(PersistenceTestKitSnapshotPlugin.config())
      .withFallback(ConfigFactory.load()));
  private static final PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void aFailedWriteLosesOnlyThatTxAndTheMempoolGoesOn() {
    ActorRef<Mempool.Command> mempool = testKit.spawn(Mempool.create(PersistenceId.ofUniqueId("mempool-failing"),
        MempoolTest.SETTINGS, new FakeChain(), new UncheckedProofVerifier()));
    RandomTxs txs = new RandomTxs(9, 31337, 1);
    WorldStateFork genesis = WorldStateFork.inMemoryGenesis();
    Tx first = txs.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
    Tx lost = txs.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
    Tx third = txs.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
    TestProbe<TxVerdict> replies = testKit.createTestProbe();

    mempool.tell(new Mempool.SubmitTx(first, replies.getRef()));
    assertInstanceOf(TxVerdict.Accepted.class, replies.receiveMessage());
    journal.failNextPersisted();
    mempool.tell(new Mempool.SubmitTx(lost, replies.getRef()));
    replies.expectNoMessage(Duration.ofMillis(300));
    mempool.tell(new Mempool.SubmitTx(third, replies.getRef()));
    assertInstanceOf(TxVerdict.Accepted.class, replies.receiveMessage(Duration.ofSeconds(5)));

    TestProbe<Integer> count = testKit.createTestProbe();
    mempool.tell(new Mempool.GetPendingCount(count.getRef()));
    assertEquals(2, count.receiveMessage());
    assertEquals(List.of(new Mempool.TxAccepted(first.hash(), first), new Mempool.TxAccepted(third.hash(), third)),
        journal.persistedInStorage("mempool-failing"));
  }
}

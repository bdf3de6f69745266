package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.HashedTx;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.merkle.WorldStateFork;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The sequencer builds a block only with its L1->L2 messages, waiting while its message source has none final. */
class SequencerMessagesTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.load()));
  private static final Sequencer.Settings SETTINGS = new Sequencer.Settings(null, 1, 4, false, 31337, 1,
      EthAddress.ZERO, AztecAddress.ZERO, new GasFees(1, 1));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void theBlockWaitsForItsMessagesThenBuildsWithThem() {
    List<Fr> messages = List.of(Fr.of(11), Fr.of(12));
    AtomicInteger asked = new AtomicInteger();
    // not final for the first two asks (one answered at once, one later), then final
    L1ToL2MessageSource source = block -> {
      int n = asked.incrementAndGet();
      if (n == 1) {
        return CompletableFuture.completedFuture(Optional.empty());
      }
      if (n == 2) {
        return CompletableFuture.supplyAsync(Optional::empty);
      }
      return CompletableFuture.completedFuture(Optional.of(messages));
    };
    TestProbe<Mempool.Command> mempool = testKit.createTestProbe();
    TestProbe<WorldState.Command> worldState = testKit.createTestProbe();
    TestProbe<ProverCoordinator.Command> prover = testKit.createTestProbe();
    EventSourcedBehaviorTestKit<Sequencer.Command, Sequencer.Event, Sequencer.State> sequencer =
        EventSourcedBehaviorTestKit.create(testKit.system(),
            Sequencer.create(PersistenceId.ofUniqueId("sequencer-messages"), SETTINGS,
                new Sequencer.Collaborators(mempool.getRef(), worldState.getRef(), prover.getRef(),
                    new NoL1Publisher(), new ChainIndex(Constants.GENESIS_BLOCK_HEADER_HASH), source),
                () -> 1_700_000_000_000L),
            EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyCommands(false));
    WorldStateFork genesis = WorldStateFork.inMemoryGenesis();
    List<HashedTx> txs = List.of(HashedTx.of(new RandomTxs(3, 31337, 1).next(Constants.GENESIS_BLOCK_HEADER_HASH,
        genesis)));

    var proposed = sequencer.runCommand(new Sequencer.TxsSelected(1, 1_700_000_000L, txs));
    assertInstanceOf(Sequencer.BlockProposed.class, proposed.events().get(0), "the proposal is journaled first");
    WorldState.BuildBlock build = assertInstanceOf(WorldState.BuildBlock.class,
        worldState.receiveMessage(Duration.ofSeconds(5)));
    assertEquals(messages, build.l1ToL2Messages());
    assertEquals(txs, build.txs());
    assertEquals(3, asked.get(), "asked until the messages were final");
    assertEquals(SlotPhase.BUILDING, sequencer.getState().phase());
    worldState.expectNoMessage(Duration.ofMillis(200));
    assertTrue(asked.get() == 3, "no further asks once built");
  }
}

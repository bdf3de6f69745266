package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.testkit.query.javadsl.PersistenceTestKitReadJournal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The proven height read at start from the part of the sequencer's journal the read model has not projected: it
 * extends the read model's proven height (an L1 that checks proofs proves blocks in a later event than they were
 * built in, so the events after the offset may start at any proven block).
 */
class JournaledBlocksTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(PersistenceTestKitPlugin.getInstance().config().withFallback(ConfigFactory.load()));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void theProvenHeightAfterTheOffsetExtendsTheReadModels() throws Exception {
    PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());
    journal.persistForRecovery(Sequencer.PERSISTENCE_ID.id(), List.of(
        new Sequencer.BlockProven(1), new Sequencer.BlockPublished(2, "0xa"), new Sequencer.BlockProven(2),
        new Sequencer.BlockProven(3), new Sequencer.BlockProven(5)));
    String plugin = PersistenceTestKitReadJournal.Identifier();
    // all of it: 1, 2, 3 (5 does not follow 3)
    assertEquals(3, JournaledBlocks.read(testKit.system(), plugin, 1, 0).provenBlockNumber());
    // after an offset at event 2, with block 1 proven in the read model
    assertEquals(3, JournaledBlocks.read(testKit.system(), plugin, 2, 1).provenBlockNumber());
    // the same events counted from 0 would lose the proven blocks: the read model's height is where they start
    assertEquals(0, JournaledBlocks.read(testKit.system(), plugin, 2, 0).provenBlockNumber());
  }
}

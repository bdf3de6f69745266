package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.crypto.field.Fr;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.query.javadsl.PersistenceTestKitReadJournal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The journal of accepted proofs read back for a block (what the L1 publisher re-sends when L1 lost a proven block):
 * the newest record of that block, and nothing for a block never recorded.
 */
class BlockProofsTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(PersistenceTestKitPlugin.getInstance().config().withFallback(ConfigFactory.load()));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static BlockProofs.AcceptedProof proof(int index, int marker) {
    return new BlockProofs.AcceptedProof(index, "stand-in", new byte[] {(byte) marker}, List.of(Fr.of(marker)),
        "worker", 1, 5);
  }

  @Test
  void theNewestRecordOfABlockIsReadBackFromTheJournal() throws Exception {
    ActorRef<BlockProofs.Command> proofs = testKit.spawn(BlockProofs.create());
    record(proofs, 1, List.of(proof(0, 1), proof(1, 2)));
    record(proofs, 2, List.of(proof(0, 3)));
    List<BlockProofs.AcceptedProof> again = List.of(proof(0, 4), proof(1, 5)); // block 1 rebuilt after a rollback
    record(proofs, 1, again);

    assertEquals(described(again), described(read(1)));
    assertEquals(described(List.of(proof(0, 3))), described(read(2)));
    assertEquals(List.of(), read(3));
  }

  /** A proof's content (its bytes are an array, which a record compares by identity). */
  private static List<String> described(List<BlockProofs.AcceptedProof> proofs) {
    return proofs.stream().map(p -> p.index() + " " + java.util.HexFormat.of().formatHex(p.proof()) + " "
        + p.publicInputs()).toList();
  }

  private static void record(ActorRef<BlockProofs.Command> proofs, long block, List<BlockProofs.AcceptedProof> list)
      throws Exception {
    AskPattern.<BlockProofs.Command, org.apache.pekko.pattern.StatusReply<Done>>ask(proofs,
            replyTo -> new BlockProofs.Record(block, list, replyTo), Duration.ofSeconds(5), testKit.scheduler())
        .toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static List<BlockProofs.AcceptedProof> read(long block) throws Exception {
    return BlockProofs.recorded(testKit.system(), PersistenceTestKitReadJournal.Identifier(), block)
        .toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}

package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.config.SettingsLoader;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.persistence.CassandraSchema;
import dev.obsidian.persistence.DevCassandra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node on the Cassandra journal (run with {@code -Pcassandra}): a real Cassandra 5.0.9 ({@link DevCassandra}),
 * the schema created as an operator would (keyspace, then the shipped CQL), blocks built, then a restart on the same
 * keyspace continues the chain: same blocks, and the next block follows the last one.
 */
class NodeCassandraIT {
  private static DevCassandra cassandra;
  @TempDir Path dataDir;
  private final AtomicLong clockMillis = new AtomicLong(1_700_000_000_000L);

  @BeforeAll
  static void startCassandra() throws Exception {
    // a busy 2-core test machine answers Cassandra writes more slowly than the driver's default 2 s
    System.setProperty("datastax-java-driver.basic.request.timeout", "30s");
    ConfigFactory.invalidateCaches();
    cassandra = DevCassandra.startTemporary(Path.of("").toAbsolutePath().resolveSibling("persistence"));
    CassandraSchema.create(List.of(cassandra.nativeAddress()), DevCassandra.LOCAL_DATACENTER, "obsidian", 1);
  }

  @AfterAll
  static void stopCassandra() throws Exception {
    System.clearProperty("datastax-java-driver.basic.request.timeout");
    ConfigFactory.invalidateCaches();
    if (cassandra != null) {
      cassandra.close();
    }
  }

  private ObsidianSettings settings() {
    return SettingsLoader.load(ConfigFactory.parseMap(Map.of(
        "obsidian.data-dir", dataDir.toString(),
        "obsidian.sequencer.block-time-ms", 200,
        "obsidian.sequencer.min-txs-per-block", 1,
        "obsidian.persistence.journal", "cassandra")), Map.of("OBSIDIAN_CASSANDRA_CONTACT_POINTS",
        cassandra.nativeAddress().getHostString() + ":" + cassandra.nativeAddress().getPort()));
  }

  @Test
  void blocksAreBuiltOnCassandraAndARestartContinuesTheChain() throws Exception {
    RandomTxs random = new RandomTxs(5150, 31337, 1);
    List<Tx> sent = new ArrayList<>();
    List<L2Block> blocks = new ArrayList<>();
    try (ActorNode node = NodeGuardian.start(settings(), () -> clockMillis.addAndGet(1000));
        WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
      for (int i = 0; i < 4; i++) {
        Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
        assertInstanceOf(TxVerdict.Accepted.class, node.sendTx(tx).toCompletableFuture().get());
        sent.add(tx);
        Thread.sleep(300);
      }
      await(() -> sent.stream().allMatch(tx -> node.getTxEffect(tx.hash()).toCompletableFuture().join().isPresent()));
      await(() -> node.unprojectedBlocks() == 0);   // the read models were fed from the Cassandra journal
      long latest = node.getBlockNumber().toCompletableFuture().get();
      for (long n = 1; n <= latest; n++) {
        blocks.add(node.getBlock(n).toCompletableFuture().get().orElseThrow());
      }
    }
    assertTrue(!blocks.isEmpty());
    assertTrue(Files.notExists(dataDir.resolve("journal")), "no embedded journal was written");
    // a restart reads the journal back from Cassandra; with the read models gone too it rebuilds them from it
    deleteRecursively(dataDir.resolve("read-models"));
    try (ActorNode node = NodeGuardian.start(settings(), () -> clockMillis.addAndGet(1000));
        WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
      assertEquals(blocks.size(), node.getBlockNumber().toCompletableFuture().get());
      for (L2Block block : blocks) {
        assertEquals(block, node.getBlock(block.number()).toCompletableFuture().get().orElseThrow());
      }
      Tx next = random.next(blocks.get(blocks.size() - 1).hash(), genesis);
      assertInstanceOf(TxVerdict.Accepted.class, node.sendTx(next).toCompletableFuture().get());
      await(() -> node.getTxEffect(next.hash()).toCompletableFuture().join().isPresent());
      long mined = node.getTxEffect(next.hash()).toCompletableFuture().get().orElseThrow().blockNumber();
      assertEquals(blocks.size() + 1, mined);
      L2Block continued = node.getBlock(mined).toCompletableFuture().get().orElseThrow();
      assertEquals(blocks.get(blocks.size() - 1).archive(), continued.header().lastArchive());
      await(() -> node.unprojectedBlocks() == 0);
    }
  }

  private static void deleteRecursively(Path dir) throws Exception {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 120 s");
      }
      Thread.sleep(100);
    }
  }
}

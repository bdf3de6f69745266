package dev.obsidian.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.obsidian.actors.Sequencer;
import dev.obsidian.actors.block.BlockBuilder;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.replay.BlockReplayer;
import dev.obsidian.actors.replay.NodeJournal;
import dev.obsidian.actors.replay.ReplaySource;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.StoreOptions;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.merkle.WorldStateSnapshot;
import dev.obsidian.merkle.WorldStateStore;
import dev.obsidian.l1.L1Contracts;
import dev.obsidian.node.rpc.RpcClient;
import dev.obsidian.node.rpc.TxJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a sandbox (a child JVM) with SIGKILL at random points while a client submits txs over JSON-RPC, restarts it on
 * the same data dir, and checks after every restart that each tx the node had answered "accepted" is still pending or
 * mined, and that no block it had reported is lost. At the end the chain must equal, block for block and root for root,
 * an uninterrupted in-process run fed the same journaled inputs (each proposal's globals and txs), and replay must find
 * no divergence.
 *
 * <p>Odd trials die at a random moment, even ones right after the node confirmed a tx: the case that showed the
 * embedded H2 journal losing confirmed events under its default settings (see JournalConfig). Kill points are drawn from
 * a seeded Random; set -Dcrash.seed=N to repeat a run. The data dir of the last run stays in target/node-crash-it for
 * {@code obsidian replay}/{@code obsidian state}.
 */
class NodeCrashIT {
  private static final int TRIALS = 10;
  private static final long MIN_KILL_DELAY_MS = 200;
  private static final long MAX_KILL_DELAY_MS = 2500;
  /** Clients submitting at once, each one tx at a time. */
  private static final int CLIENTS = 3;
  /** How long an after-ack trial waits for its acks before it kills anyway. */
  private static final long ACK_WAIT_MS = 20_000;
  /** The client pauses while this many txs are pending, so the mempool never evicts (its default bound is 1000). */
  private static final int MAX_PENDING = 300;

  @TempDir Path temp;

  private final List<TxHash> accepted = new ArrayList<>();
  private final java.util.concurrent.atomic.AtomicReference<String> wrongAnswer = new java.util.concurrent.atomic.AtomicReference<>();
  private final RandomTxs random = new RandomTxs(77, 31337, 1).withMaxEffects(3, 1, 2, 1);
  private final WorldStateFork genesis = WorldStateFork.inMemoryGenesis();

  @Test
  void acceptedTxsSurviveSigkillAndTheChainEqualsAnUninterruptedRun() throws Exception {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    System.out.println("NodeCrashIT seed " + seed + " (-Dcrash.seed=" + seed + " repeats it)");
    Random kills = new Random(seed);
    Path dataDir = Path.of("target", "node-crash-it").toAbsolutePath();
    deleteRecursively(dataDir);
    Path config = temp.resolve("node.conf");
    Files.writeString(config, "obsidian.merkle.history-blocks = 0\nobsidian.l1.anvil-port = 0\n");
    Path log = Files.createDirectories(Path.of("target")).resolve("node-crash-it-sandbox.log");
    Files.deleteIfExists(log);
    long lastReportedBlock = 0;
    int midBlock = 0;
    List<String> trials = new ArrayList<>();
    for (int trial = 1; trial <= TRIALS; trial++) {
      // odd trials die at a random moment, even ones right after the node confirmed a tx (the hardest case for the journal)
      boolean afterAck = trial % 2 == 0;
      long delayMs = MIN_KILL_DELAY_MS + (long) (kills.nextDouble() * (MAX_KILL_DELAY_MS - MIN_KILL_DELAY_MS));
      int acksBeforeKill = 1 + kills.nextInt(8);
      AtomicLong reported = new AtomicLong(lastReportedBlock);
      try (SandboxProcess sandbox = SandboxProcess.start(dataDir, config, log)) {
        RpcClient rpc = sandbox.client();
        checkAfterRestart(rpc, lastReportedBlock);
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch acks = new CountDownLatch(afterAck ? acksBeforeKill : Integer.MAX_VALUE);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
          clients.add(new Thread(() -> submitUntilDead(rpc, running, reported, acks), "crash-client-" + i));
          clients.get(i).start();
        }
        acks.await(afterAck ? ACK_WAIT_MS : delayMs, TimeUnit.MILLISECONDS);
        sandbox.kill();
        SandboxL1IT.assertNoAnvilRunsOn(dataDir); // the JVM died by SIGKILL: its Anvil must not outlive it
        running.set(false);
        for (Thread client : clients) {
          client.join(30_000);
        }
        trials.add("trial " + trial + ": ready in " + sandbox.readyMs + " ms, killed "
            + (afterAck && acks.getCount() == 0 ? "right after accepted tx #" + acksBeforeKill : "after " + delayMs + " ms"));
      }
      assertEquals(null, wrongAnswer.get());
      lastReportedBlock = reported.get();
      String phase = phaseAtKill(dataDir, acceptedSoFar());
      midBlock += phase.startsWith("mid-block") ? 1 : 0;
      trials.set(trials.size() - 1, trials.get(trials.size() - 1) + ", " + phase + "; " + accepted.size() + " accepted so far");
      System.out.println(trials.get(trials.size() - 1));
    }
    assertTrue(midBlock >= 1, "no kill landed mid-block (between BlockProposed and the block's commit): " + trials);

    try (SandboxProcess sandbox = SandboxProcess.start(dataDir, config, log)) {
      RpcClient rpc = sandbox.client();
      checkAfterRestart(rpc, lastReportedBlock);
      awaitAllMined(rpc);
      SandboxL1IT.checkRollupHoldsTheChain(sandbox.l1RpcUrl, rpc,
          L1Contracts.readFrom(dataDir.resolve("l1").resolve("contracts.json")).rollup(),
          rpc.call("node_getBlockNumber").asLong());
      int exit = sandbox.stop();
      assertTrue(exit == 0 || exit == 143, "clean stop exited " + exit);
    }
    checkAgainstUninterruptedRun(dataDir);
  }

  /** Submits txs one at a time until the node dies; records those it answered "accepted". */
  private void submitUntilDead(RpcClient rpc, AtomicBoolean running, AtomicLong reported, CountDownLatch acks) {
    try {
      int sent = 0;
      while (running.get()) {
        if (sent++ % 25 == 0) {
          reported.accumulateAndGet(rpc.call("node_getBlockNumber").asLong(), Math::max);
          while (running.get() && rpc.call("node_getPendingTxCount").asInt() > MAX_PENDING) {
            Thread.sleep(50);
          }
        }
        Tx tx;
        synchronized (random) {
          tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, genesis);
        }
        JsonNode answer = rpc.call("node_sendTx", TxJson.encode(tx));
        if (!answer.asText().equals(tx.hash().value().toHex())) {
          wrongAnswer.compareAndSet(null, "node_sendTx answered " + answer + " for tx " + tx.hash());
          return;
        }
        synchronized (accepted) {
          accepted.add(tx.hash());
        }
        acks.countDown();
      }
    } catch (RuntimeException | InterruptedException e) {
      // the node was killed mid-call: that tx's fate is unknown to the client, so it is not counted as accepted
    }
  }

  /** Every tx ever accepted is pending or in a block; no block the node reported before the kill is gone. */
  private void checkAfterRestart(RpcClient rpc, long lastReportedBlock) {
    assertTrue(rpc.call("node_getBlockNumber").asLong() >= lastReportedBlock,
        "the chain lost blocks: it had reported block " + lastReportedBlock);
    List<TxHash> all;
    synchronized (accepted) {
      all = List.copyOf(accepted);
    }
    for (int from = 0; from < all.size(); from += 100) {
      List<RpcClient.Call> calls = all.subList(from, Math.min(all.size(), from + 100)).stream()
          .map(hash -> RpcClient.Call.of("node_getTxReceipt", hash.value().toHex())).toList();
      List<JsonNode> receipts = rpc.batch(calls);
      for (int i = 0; i < receipts.size(); i++) {
        String status = receipts.get(i).get("status").asText();
        assertTrue(Set.of("pending", "mined", "proven").contains(status),
            "accepted tx " + all.get(from + i) + " is " + status + " after a restart: " + receipts.get(i));
      }
    }
  }

  private void awaitAllMined(RpcClient rpc) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (rpc.call("node_getPendingTxCount").asInt() > 0) {
      assertTrue(System.nanoTime() < deadline, "pending txs not mined within 60 s");
      Thread.sleep(100);
    }
  }

  private List<TxHash> acceptedSoFar() {
    synchronized (accepted) {
      return List.copyOf(accepted);
    }
  }

  /**
   * What the sequencer was doing when it died, from the journal's last event and the store's height; first checks that
   * the dead node's journal holds every tx it accepted (so a loss is told apart from one at the next recovery).
   */
  private static String phaseAtKill(Path dataDir, List<TxHash> acceptedSoFar) {
    try (ReplaySource source = ReplaySource.open(dataDir)) {
      List<TxHash> unjournaled = acceptedSoFar.stream().filter(h -> source.journal().admittedTx(h).isEmpty()).toList();
      assertEquals(List.of(), unjournaled, "accepted txs missing from the journal of the killed node");
      List<Sequencer.Event> events = source.journal().sequencerEvents();
      long storeBlock = source.store().map(WorldStateStore::latestBlock).orElse(0L);
      long journalBlock = source.journal().latestBlockNumber();
      if (events.isEmpty()) {
        return "before any block";
      }
      Sequencer.Event last = events.get(events.size() - 1);
      String where = last.getClass().getSimpleName() + " of block " + last.blockNumber() + " last journaled, store at "
          + storeBlock + "/" + journalBlock;
      boolean building = last instanceof Sequencer.BlockProposed || last instanceof Sequencer.BlockBuilt
          || storeBlock < journalBlock;
      boolean inFlight = building || last instanceof Sequencer.BlockProofRequested || last instanceof Sequencer.BlockProven
          || last instanceof Sequencer.BlockLeftUnproven;
      return (building ? "mid-block: " : inFlight ? "mid-slot: " : "idle: ") + where;
    }
  }

  /**
   * Builds the chain again in this JVM on a fresh store, without interruption, from the journaled inputs: for each
   * block, its proposal's globals and the admitted txs in the proposal's order, through the node's block-building code.
   */
  private void checkAgainstUninterruptedRun(Path dataDir) {
    try (ReplaySource source = ReplaySource.open(dataDir);
        WorldStateStore fresh = WorldStateStore.open(temp.resolve("uninterrupted"), new StoreOptions(false, 0))) {
      NodeJournal journal = source.journal();
      WorldStateStore crashed = source.store().orElseThrow();
      assertEquals(journal.latestBlockNumber(), crashed.latestBlock());
      Set<TxHash> included = new HashSet<>();
      for (L2Block block : journal.blocks()) {
        L2Block rebuilt = buildUninterrupted(fresh, journal, block.number());
        assertEquals(block, rebuilt, "block " + block.number() + " differs from the uninterrupted run");
        assertEquals(treesAt(fresh, block.number()), treesAt(crashed, block.number()), "trees at block " + block.number());
        for (TxHash hash : block.txHashes()) {
          assertTrue(included.add(hash), "tx " + hash + " is in two blocks");
        }
      }
      synchronized (accepted) {
        assertTrue(included.containsAll(accepted), "accepted txs missing from the chain");
      }
      System.out.println("NodeCrashIT: " + journal.latestBlockNumber() + " blocks, " + included.size() + " txs, "
          + accepted.size() + " accepted by the client; all equal to the uninterrupted run");
      assertEquals(Optional.empty(), new BlockReplayer(source).replayAll());
    }
  }

  private static L2Block buildUninterrupted(WorldStateStore store, NodeJournal journal, long number) {
    Sequencer.BlockProposed proposal = journal.proposal(number).orElseThrow();
    try (WorldStateFork fork = store.fork()) {
      List<TxEffect> included = new ArrayList<>();
      for (TxHash hash : proposal.orderedTxHashes()) {
        Tx tx = journal.admittedTx(hash).orElseThrow(() -> new AssertionError("proposed tx " + hash + " was never admitted"));
        if (BlockBuilder.tryApply(fork, tx.effects()).isEmpty()) {
          included.add(new TxEffect(tx.hash(), 0, tx.effects()));
        }
      }
      L2Block block = BlockBuilder.seal(fork, proposal.globals(), included);
      fork.commit();
      return block;
    }
  }

  /** The data dir is kept under target/ after a run, for inspection with 'obsidian replay'; a new run starts afresh. */
  static void deleteRecursively(Path root) throws java.io.IOException {
    if (Files.exists(root)) {
      try (var paths = Files.walk(root)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  private static List<TreeInfo> treesAt(WorldStateStore store, long number) {
    try (WorldStateSnapshot snapshot = store.snapshot(number)) {
      List<TreeInfo> trees = new ArrayList<>();
      for (TreeId tree : TreeId.values()) {
        trees.add(snapshot.treeInfo(tree));
      }
      return trees;
    }
  }
}

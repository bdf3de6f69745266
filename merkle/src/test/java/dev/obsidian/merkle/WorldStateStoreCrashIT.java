package dev.obsidian.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process with SIGKILL while it commits blocks, reopens the store, and checks that the last applied block's
 * roots equal those of an uninterrupted in-memory run of the same blocks; then lets a new process continue from there.
 */
class WorldStateStoreCrashIT {
  static final int NULLIFIERS_PER_BLOCK = 8;
  private static final int KILLS = 5;
  private static final long BLOCK_LIMIT = 10_000;

  @TempDir Path directory;

  @Test
  void aKilledCommitLeavesTheLastCommittedBlockIntact() throws Exception {
    Random random = new Random(20_260_401L);
    long previousLatest = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      long lastPrinted = runAndKill(random.nextInt(2, 6), random.nextInt(0, 300));
      try (WorldStateStore store = WorldStateStore.open(directory, StoreOptions.defaults())) {
        long latest = store.latestBlock();
        assertTrue(latest >= lastPrinted, "block " + lastPrinted + " was reported committed, store has " + latest);
        assertTrue(latest > previousLatest, "the child made progress after reopening");
        try (WorldStateSnapshot snapshot = store.snapshot(latest)) {
          assertEquals(WorldStateStoreTest.infos(uninterruptedRun(latest)), WorldStateStoreTest.infos(snapshot));
          WorldStateStoreTest.checkPathsProveRoots(snapshot);
        }
        previousLatest = latest;
      }
    }
  }

  /** Starts the child, waits until it reported {@code blocksBeforeKill} commits, waits a little more, kills it. */
  private long runAndKill(int blocksBeforeKill, int extraMillis) throws IOException, InterruptedException {
    Process child = startChild();
    long lastCommitted = -1;
    int seen = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (seen < blocksBeforeKill && (line = out.readLine()) != null) {
        if (line.startsWith("committed ")) {
          lastCommitted = Long.parseLong(line.substring("committed ".length()));
          seen++;
        }
      }
      assertEquals(blocksBeforeKill, seen, "the child stopped early; its stderr is inherited above");
      Thread.sleep(extraMillis);
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child did not exit");
    } finally {
      child.destroyForcibly();
    }
    return lastCommitted;
  }

  private Process startChild() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CrashChild.class.getName());
    command.add(directory.toString());
    command.add(Long.toString(BLOCK_LIMIT));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static WorldStateFork uninterruptedRun(long blocks) {
    WorldStateFork fork = WorldStateFork.inMemoryGenesis();
    for (long block = 1; block <= blocks; block++) {
      TestBlocks.apply(fork, block, NULLIFIERS_PER_BLOCK);
    }
    return fork;
  }
}

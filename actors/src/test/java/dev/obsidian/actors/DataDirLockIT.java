package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.config.SettingsLoader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data dir serves one node: a second start fails at once with an error naming the data dir and the lock. */
class DataDirLockIT {
  @TempDir Path dataDir;

  private ObsidianSettings settings() {
    return SettingsLoader.load(ConfigFactory.parseMap(Map.of("obsidian.data-dir", dataDir.toString(),
        "obsidian.merkle.history-blocks", 0)), Map.of());
  }

  @Test
  void aSecondNodeOnTheSameDataDirIsRefusedAndTheFirstKeepsServing() throws Exception {
    try (ActorNode first = NodeGuardian.start(settings(), NodeClock.system())) {
      IllegalStateException refused = assertThrows(IllegalStateException.class,
          () -> NodeGuardian.start(settings(), NodeClock.system()));
      assertTrue(refused.getMessage().contains(dataDir.toAbsolutePath().toString()), refused.getMessage());
      assertTrue(refused.getMessage().contains(DataDirLock.FILE_NAME), refused.getMessage());
      assertEquals(0L, first.getBlockNumber().toCompletableFuture().get());
      assertEquals(0, first.getPendingTxCount().toCompletableFuture().get());
    }
    try (ActorNode again = NodeGuardian.start(settings(), NodeClock.system())) {
      assertEquals(0L, again.getBlockNumber().toCompletableFuture().get());
    }
  }

  /** Another process (here a child JVM) holding H2's journal file: named, not a minute's wait and "null". */
  @Test
  void aJournalFileLockedByAnotherProcessIsNamed() throws Exception {
    try (ActorNode node = NodeGuardian.start(settings(), NodeClock.system())) {
      // creates the journal file
    }
    Path journalFile = dataDir.resolve("journal").resolve("obsidian.mv.db");
    assertTrue(Files.exists(journalFile));
    Path locker = dataDir.getParent().resolve("Locker-" + System.nanoTime() + ".java");
    Files.writeString(locker, """
        import java.nio.channels.FileChannel;
        import java.nio.file.*;
        public class Locker {
          public static void main(String[] args) throws Exception {
            try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ, StandardOpenOption.WRITE);
                var lock = channel.lock()) {
              System.out.println("locked");
              System.out.flush();
              System.in.read();
            }
          }
        }
        """);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), locker.toString(), journalFile.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("locked", out.readLine());
      IllegalStateException refused = assertThrows(IllegalStateException.class,
          () -> NodeGuardian.start(settings(), NodeClock.system()));
      assertTrue(refused.getMessage().contains(journalFile.toAbsolutePath().toString()), refused.getMessage());
      assertTrue(refused.getMessage().contains("locked by another process"), refused.getMessage());
    } finally {
      child.destroyForcibly().waitFor();
      Files.deleteIfExists(locker);
    }
    try (ActorNode again = NodeGuardian.start(settings(), NodeClock.system())) {
      assertEquals(0L, again.getBlockNumber().toCompletableFuture().get());
    }
  }
}

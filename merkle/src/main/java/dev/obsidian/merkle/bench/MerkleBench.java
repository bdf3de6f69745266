package dev.obsidian.merkle.bench;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.AppendOnlyTree;
import dev.obsidian.merkle.StoreOptions;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.merkle.WorldStateStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A dependency-free benchmark of the three hot paths of block building, for {@code obsidian bench merkle}: appending
 * a tx's 64 note hashes to the height-42 note hash tree, batch-inserting a tx's 64 nullifiers into the height-42
 * nullifier tree, and committing a block to RocksDB. Each operation is timed on its own, after a warm-up, so the
 * report has throughput and latency percentiles. The JMH benchmarks of the {@code bench} profile are the careful
 * version of the same measurements.
 */
public final class MerkleBench {
  /** Leaves per append and nullifiers per insertion: one transaction's worth (MAX_NOTE_HASHES/NULLIFIERS_PER_TX). */
  public static final int LEAVES_PER_TX = 64;
  /** Operations on one in-memory tree before it is replaced, which bounds the memory an overlay grows to. */
  private static final int OPERATIONS_PER_TREE = 500;

  private MerkleBench() {}

  /** Throughput and latency of one operation. */
  public record Result(String operation, long operations, double operationsPerSecond,
      double operationsPerCpuSecond, double p50Micros, double p99Micros) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%-34s %,9.1f ops/s  %,9.1f ops/cpu-s  p50 %,9.1f us  p99 %,9.1f us  (%,d ops)",
          operation, operationsPerSecond, operationsPerCpuSecond, p50Micros, p99Micros, operations);
    }
  }

  /** Appends of 64 leaves to a height-42 tree (the note hash tree's height). */
  public static Result appendNoteHashes(Duration warmup, Duration measure) {
    SplittableRandom random = new SplittableRandom(42);
    AppendOnlyTree[] tree = {new AppendOnlyTree(TreeId.NOTE_HASH.height())};
    long[] count = {0};
    return measure("append 64 note hashes (h=42)", warmup, measure, () -> {
      if (++count[0] % OPERATIONS_PER_TREE == 0) {
        tree[0] = new AppendOnlyTree(TreeId.NOTE_HASH.height());
      }
      List<Fr> leaves = randomFields(random, LEAVES_PER_TX);
      AppendOnlyTree target = tree[0];
      return () -> {
        target.append(leaves);
        target.root(); // inner nodes are hashed lazily: reading the root completes the work
      };
    });
  }

  /** One tx of 64 nullifiers inserted into the genesis nullifier tree as Aztec's base rollup does. */
  public static Result insertNullifiers(Duration warmup, Duration measure) {
    SplittableRandom random = new SplittableRandom(43);
    WorldStateFork[] fork = {WorldStateFork.inMemoryGenesis()};
    long[] count = {0};
    return measure("batch-insert 64 nullifiers (h=42)", warmup, measure, () -> {
      if (++count[0] % OPERATIONS_PER_TREE == 0) {
        fork[0] = WorldStateFork.inMemoryGenesis();
      }
      List<Fr> nullifiers = randomFields(random, LEAVES_PER_TX);
      WorldStateFork target = fork[0];
      return () -> {
        target.insertTxNullifiers(nullifiers);
        target.treeInfo(TreeId.NULLIFIER);
      };
    });
  }

  /**
   * Commits of a block of one tx (64 note hashes, 64 nullifiers, 4 public data writes, 16 L1-to-L2 messages, one
   * archive leaf) to a RocksDB store in {@code directory}; only the commit itself is timed.
   */
  public static Result commitBlocks(Path directory, boolean syncWrites, Duration warmup, Duration measure) {
    SplittableRandom random = new SplittableRandom(44);
    try (WorldStateStore store = WorldStateStore.open(directory, new StoreOptions(syncWrites, 0))) {
      String name = "commit block to RocksDB (" + (syncWrites ? "fsync" : "no fsync") + ")";
      return measure(name, warmup, measure, () -> {
        WorldStateFork fork = store.fork();
        buildBlock(fork, random);
        for (TreeId tree : TreeId.values()) {
          fork.treeInfo(tree); // hash before the clock starts: only the commit is timed
        }
        return fork::commit;
      });
    }
  }

  private static void buildBlock(WorldStateFork fork, SplittableRandom random) {
    fork.appendLeaves(TreeId.NOTE_HASH, randomFields(random, LEAVES_PER_TX));
    fork.insertTxNullifiers(randomFields(random, LEAVES_PER_TX));
    for (int i = 0; i < 4; i++) {
      fork.writePublicData(Fr.of(random.nextInt(1_000)), Fr.of(random.nextLong()));
    }
    fork.appendLeaves(TreeId.L1_TO_L2_MESSAGE, randomFields(random, 16));
    fork.appendLeaves(TreeId.ARCHIVE, randomFields(random, 1));
  }

  /** Runs every benchmark; the store lives in a temporary directory that is deleted afterwards. */
  public static List<Result> runAll(Duration warmup, Duration measure) {
    List<Result> results = new ArrayList<>();
    results.add(appendNoteHashes(warmup, measure));
    results.add(insertNullifiers(warmup, measure));
    for (boolean sync : new boolean[] {true, false}) {
      Path directory = createTempDirectory();
      try {
        results.add(commitBlocks(directory, sync, warmup, measure));
      } finally {
        deleteRecursively(directory);
      }
    }
    return results;
  }

  public static void main(String[] args) {
    Duration warmup = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 3);
    Duration measure = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 5);
    print(System.out, runAll(warmup, measure));
  }

  public static void print(PrintStream out, List<Result> results) {
    out.println("Obsidian merkle benchmark (one thread; " + Runtime.getRuntime().availableProcessors() + " cores)");
    results.forEach(out::println);
  }

  /**
   * Calls {@code prepare} for each operation and times only the action it returns, in wall-clock and thread CPU
   * time; first for the warm-up (results dropped), then for the measured period.
   */
  private static Result measure(String name, Duration warmup, Duration measure, Supplier<Runnable> prepare) {
    long warmupEnd = System.nanoTime() + warmup.toNanos();
    while (System.nanoTime() < warmupEnd) {
      prepare.get().run();
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] samples = new long[1024];
    int count = 0;
    long totalNanos = 0;
    long totalCpuNanos = 0;
    long end = System.nanoTime() + measure.toNanos();
    while (System.nanoTime() < end || count == 0) {
      Runnable action = prepare.get();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      action.run();
      long elapsed = System.nanoTime() - start;
      totalCpuNanos += threads.getCurrentThreadCpuTime() - cpuStart;
      if (count == samples.length) {
        samples = Arrays.copyOf(samples, count * 2);
      }
      samples[count++] = elapsed;
      totalNanos += elapsed;
    }
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    double cpuRate = totalCpuNanos > 0 ? count * 1e9 / totalCpuNanos : -1;
    return new Result(name, count, count * 1e9 / totalNanos, cpuRate,
        percentile(sorted, 0.50) / 1e3, percentile(sorted, 0.99) / 1e3);
  }

  private static double percentile(long[] sorted, double fraction) {
    int rank = (int) Math.ceil(fraction * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  private static List<Fr> randomFields(SplittableRandom random, int count) {
    List<Fr> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // 62 random bits and a high word: distinct non-zero values well above the genesis prefill
      values.add(Fr.of(random.nextLong(1L << 62) | (1L << 62)));
    }
    return values;
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("obsidian-merkle-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.obsidian.merkle.bench;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.AppendOnlyTree;
import dev.obsidian.merkle.StoreOptions;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.TreeInfo;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.merkle.WorldStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of block building's tree work: throughput (ops/s) and SampleTime (latency percentiles incl. p99).
 * Run with {@code ./mvnw -pl merkle -am -Pbench verify}.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class MerkleBenchmarks {

  /** A height-42 tree that is replaced each iteration, so memory stays bounded. */
  @State(Scope.Thread)
  public static class NoteHashTree {
    final SplittableRandom random = new SplittableRandom(1);
    AppendOnlyTree tree;

    @Setup(Level.Iteration)
    public void reset() {
      tree = new AppendOnlyTree(TreeId.NOTE_HASH.height());
    }
  }

  /** The genesis nullifier tree, fresh each iteration. */
  @State(Scope.Thread)
  public static class NullifierTree {
    final SplittableRandom random = new SplittableRandom(2);
    WorldStateFork fork;

    @Setup(Level.Iteration)
    public void reset() {
      fork = WorldStateFork.inMemoryGenesis();
    }
  }

  /** A RocksDB store (fsync on commit) and, per invocation, a fork holding one built block. */
  @State(Scope.Thread)
  public static class Store {
    final SplittableRandom random = new SplittableRandom(3);
    Path directory;
    WorldStateStore store;
    WorldStateFork block;

    @Setup(Level.Trial)
    public void open() throws IOException {
      directory = Files.createTempDirectory("obsidian-jmh-store");
      store = WorldStateStore.open(directory, StoreOptions.defaults());
    }

    @Setup(Level.Invocation)
    public void buildBlock() {
      block = store.fork();
      block.appendLeaves(TreeId.NOTE_HASH, fields(random, 64));
      block.insertTxNullifiers(fields(random, 64));
      for (int i = 0; i < 4; i++) {
        block.writePublicData(Fr.of(random.nextInt(1_000)), Fr.of(random.nextLong()));
      }
      block.appendLeaves(TreeId.L1_TO_L2_MESSAGE, fields(random, 16));
      block.appendLeaves(TreeId.ARCHIVE, fields(random, 1));
      for (TreeId tree : TreeId.values()) {
        block.treeInfo(tree); // complete the lazy hashing outside the measured commit
      }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      store.close();
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  @Benchmark
  public Fr appendSixtyFourNoteHashes(NoteHashTree state) {
    state.tree.append(fields(state.random, 64));
    return state.tree.root();
  }

  @Benchmark
  public TreeInfo insertSixtyFourNullifiers(NullifierTree state) {
    state.fork.insertTxNullifiers(fields(state.random, 64));
    return state.fork.treeInfo(TreeId.NULLIFIER);
  }

  @Benchmark
  public long commitBlock(Store state) {
    return state.block.commit();
  }

  static List<Fr> fields(SplittableRandom random, int count) {
    List<Fr> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(Fr.of(random.nextLong(1L << 62) | (1L << 62)));
    }
    return values;
  }
}

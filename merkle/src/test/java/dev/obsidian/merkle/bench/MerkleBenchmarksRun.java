package dev.obsidian.merkle.bench;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Starts the JMH benchmarks from the test JVM, which only the {@code bench} profile runs (its name is not a test
 * name surefire picks up by default). JMH forks a JVM with this JVM's class path.
 */
class MerkleBenchmarksRun {
  @Test
  void runBenchmarks() throws RunnerException {
    new Runner(new OptionsBuilder().include(MerkleBenchmarks.class.getName()).build()).run();
  }
}

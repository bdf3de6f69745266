package dev.obsidian.sim;

/** Monotonic time in nanoseconds for measuring latencies and pacing; injected so tests can drive it. */
@FunctionalInterface
public interface Ticker {
  long nanos();

  static Ticker system() {
    return System::nanoTime;
  }
}

package dev.obsidian.actors.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition that actors make true asynchronously, failing the test naming it when it stays false. */
public final class Await {
  private Await() {}

  public static void until(BooleanSupplier condition, String what, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}

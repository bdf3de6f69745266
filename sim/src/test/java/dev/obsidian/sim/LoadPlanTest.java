package dev.obsidian.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadPlanTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration DRAIN = Duration.ofSeconds(30);

  @Test
  void totalIsRateTimesDuration() {
    assertEquals(60_000, new LoadPlan(100, 1000, MINUTE, 1, DRAIN).totalTxs());
    assertEquals(2_500, new LoadPlan(1, 1000, Duration.ofMillis(2500), 1, DRAIN).totalTxs());
  }

  @Test
  void eachOutOfRangeFieldIsNamed() {
    assertNamed("users", () -> new LoadPlan(0, 10, MINUTE, 1, DRAIN));
    assertNamed("users", () -> new LoadPlan(LoadPlan.MAX_USERS + 1, 10, MINUTE, 1, DRAIN));
    assertNamed("txsPerSecond", () -> new LoadPlan(1, 0, MINUTE, 1, DRAIN));
    assertNamed("txsPerSecond", () -> new LoadPlan(1, LoadPlan.MAX_TXS_PER_SECOND + 1, MINUTE, 1, DRAIN));
    assertNamed("duration", () -> new LoadPlan(1, 10, Duration.ofMillis(999), 1, DRAIN));
    assertNamed("duration", () -> new LoadPlan(1, 10, Duration.ofHours(1).plusSeconds(1), 1, DRAIN));
    assertNamed("drainTimeout", () -> new LoadPlan(1, 10, MINUTE, 1, Duration.ofSeconds(-1)));
    assertNamed("drainTimeout", () -> new LoadPlan(1, 10, MINUTE, 1, Duration.ofMinutes(11)));
    // 100,000 txs/s for 11 s is 1.1 million txs: over the bound on held hashes
    assertNamed("txsPerSecond x duration", () -> new LoadPlan(1, 100_000, Duration.ofSeconds(11), 1, DRAIN));
  }

  private static void assertNamed(String field, Runnable construction) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction::run);
    assertTrue(e.getMessage().startsWith(field), e.getMessage());
  }
}

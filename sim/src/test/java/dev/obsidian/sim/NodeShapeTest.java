package dev.obsidian.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NodeShapeTest {
  @Test
  void aThousandTxsPerSecondGetOneSecondBlocksWithRoomForTwoSecondsWorth() {
    assertEquals(new NodeShape(Duration.ofSeconds(1), 2_000, 4_000), NodeShape.forRate(1_000));
  }

  @Test
  void aHighRateShortensTheBlockTimeDownToTheSequencersMinimum() {
    assertEquals(new NodeShape(Duration.ofMillis(204), 4_080, 8_000), NodeShape.forRate(10_000));
    // 100 ms is the least block time; 10,000 txs per block exceed the sequencer's 4,096 and the mempool bound
    assertEquals(new NodeShape(Duration.ofMillis(100), 4_096, 8_000), NodeShape.forRate(100_000));
  }

  @Test
  void aLowRateKeepsDefaultSizedBlocksAndMempool() {
    assertEquals(new NodeShape(Duration.ofSeconds(1), 32, 1_000), NodeShape.forRate(5));
  }

  @Test
  void aBlockTimeOutsideTheSequencersRangeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> NodeShape.forRate(10, Duration.ofMillis(99)));
  }
}

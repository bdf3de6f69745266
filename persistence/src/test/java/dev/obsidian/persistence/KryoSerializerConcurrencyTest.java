package dev.obsidian.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Kryo instances are not thread-safe: many threads sharing one serializer must still get exact round trips. */
class KryoSerializerConcurrencyTest {
  private static final int THREADS = 8;
  private static final int ROUNDS_PER_THREAD = 2_000;

  @Test
  void sharedSerializerIsSafeUnderConcurrentUse() throws Exception {
    KryoSerializer serializer = KryoSerializerTest.serializer(KryoSerializerTest.registry());
    List<Object> values = List.of(
        KryoSerializerTest.sampleTree(),
        new KryoSerializerTest.Sample(5, "hi"),
        new KryoSerializerTest.Holder(List.of(1L, 2L, 3L)));
    List<byte[]> expectedBytes = values.stream().map(serializer::toBinary).toList();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        int offset = thread;
        workers.add(pool.submit(() -> {
          for (int round = 0; round < ROUNDS_PER_THREAD; round++) {
            int index = (round + offset) % values.size();
            byte[] bytes = serializer.toBinary(values.get(index));
            assertArrayEquals(expectedBytes.get(index), bytes);
            assertEquals(values.get(index), serializer.fromBinary(bytes, serializer.manifest(values.get(index))));
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

package dev.obsidian.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.NotSerializableException;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KryoSerializerTest {
  enum Colour { RED, GREEN }

  record Leaf(String label, byte[] digest) implements ObsidianSerializable {
    @Override
    public boolean equals(Object other) {
      return other instanceof Leaf leaf && leaf.label.equals(label) && java.util.Arrays.equals(leaf.digest, digest);
    }

    @Override
    public int hashCode() {
      return label.hashCode();
    }
  }

  record Tree(
      long height,
      BigInteger root,
      Optional<Colour> colour,
      List<Leaf> leaves,
      Set<String> tags,
      Map<String, Integer> sizes,
      SortedMap<Long, String> byIndex,
      List<Object> mixed) implements ObsidianSerializable {}

  record Sample(long amount, String note) implements ObsidianSerializable {}

  record Unlisted(int x) implements ObsidianSerializable {}

  record Holder(Object content) implements ObsidianSerializable {}

  /** A value class that is not a record, serialized through a codec. */
  static final class Point {
    final int x;

    Point(int x) {
      this.x = x;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Point point && point.x == x;
    }

    @Override
    public int hashCode() {
      return x;
    }
  }

  static TypeRegistry registry() {
    return TypeRegistry.builder()
        .registerEnum(200, Colour.class)
        .register(201, Leaf.class, 1)
        .register(202, Tree.class, 1)
        .register(203, Sample.class, 1)
        .register(204, Holder.class, 1)
        .register(205, Point.class, new TypeRegistry.Codec<>() {
          @Override
          public byte[] encode(Point value) {
            return BigInteger.valueOf(value.x).toByteArray();
          }

          @Override
          public Point decode(byte[] bytes) {
            return new Point(new BigInteger(bytes).intValueExact());
          }
        })
        .build();
  }

  static KryoSerializer serializer(TypeRegistry registry) {
    return new KryoSerializer(new KryoSerializer.SerializationSettings(registry, 1 << 20, 4), () -> null);
  }

  static Object roundTrip(KryoSerializer serializer, Object value) throws NotSerializableException {
    return serializer.fromBinary(serializer.toBinary(value), serializer.manifest(value));
  }

  static Tree sampleTree() {
    SortedMap<Long, String> byIndex = new TreeMap<>(Map.of(3L, "c", 1L, "a"));
    return new Tree(
        40,
        BigInteger.ONE.shiftLeft(253).subtract(BigInteger.TEN),
        Optional.of(Colour.GREEN),
        Stream.of("x", "y").map(label -> new Leaf(label, new byte[] {1, 2, 3})).toList(),
        Set.of("a", "b", "c"),
        Map.of("one", 1, "two", 2),
        byIndex,
        java.util.Arrays.asList("text", 7L, null, List.of(), new TreeSet<>(List.of(2, 1))));
  }

  @Test
  void recordsEnumsCollectionsAndCodecsRoundTrip() throws Exception {
    KryoSerializer serializer = serializer(registry());
    Tree tree = sampleTree();
    assertEquals(tree, roundTrip(serializer, tree));
    assertEquals(new Holder(new Point(-77)), roundTrip(serializer, new Holder(new Point(-77))));
    assertEquals(new Holder(Colour.RED), roundTrip(serializer, new Holder(Colour.RED)));
  }

  @Test
  void collectionsReadBackUnmodifiableWithTheirOrder() throws Exception {
    KryoSerializer serializer = serializer(registry());
    Tree read = (Tree) roundTrip(serializer, sampleTree());
    assertThrows(UnsupportedOperationException.class, () -> read.leaves().add(null));
    assertThrows(UnsupportedOperationException.class, () -> read.byIndex().put(9L, "z"));
    assertEquals(List.of(1L, 3L), List.copyOf(read.byIndex().keySet()));
    assertEquals(List.copyOf(sampleTree().tags()).size(), read.tags().size());
  }

  /**
   * The wire format is a contract with every journal ever written, so it is pinned byte by byte here, worked out
   * by hand from Kryo's documented encodings: version 1, two components, then per component its ASCII name (last
   * byte's high bit set), the value's length, the value's class id + 2 (long = 7, String = 1) and the value
   * (zigzag varint 5 = 0x0a; "hi" = 68 e9).
   */
  @Test
  void wireFormatIsPinned() {
    byte[] expected = HexFormat.of().parseHex("0102" + "616d6f756ef4" + "02" + "090a" + "6e6f74e5" + "03" + "0368e9");
    KryoSerializer serializer = serializer(registry());
    assertArrayEquals(expected, serializer.toBinary(new Sample(5, "hi")));
    assertEquals("203", serializer.manifest(new Sample(5, "hi")));
  }

  @Test
  void unregisteredTopLevelTypeIsRefusedByName() {
    KryoSerializer serializer = serializer(registry());
    var failure = assertThrows(IllegalArgumentException.class, () -> serializer.toBinary(new Unlisted(1)));
    assertTrue(failure.getMessage().contains(Unlisted.class.getName()), failure.getMessage());
  }

  @Test
  void unregisteredNestedTypeIsRefusedByName() {
    KryoSerializer serializer = serializer(registry());
    var failure = assertThrows(IllegalArgumentException.class, () -> serializer.toBinary(new Holder(new Unlisted(2))));
    assertTrue(failure.getMessage().contains("type " + Unlisted.class.getName() + " is not registered"), failure.getMessage());
    var mutableHolder = new Holder(new StringBuilder("no"));
    var other = assertThrows(IllegalArgumentException.class, () -> serializer.toBinary(mutableHolder));
    assertTrue(other.getMessage().contains("java.lang.StringBuilder"), other.getMessage());
  }

  @Test
  void unknownAndRetiredIdsAreReportedOnRead() {
    KryoSerializer serializer = serializer(TypeRegistry.builder().retire(300, "was SlotOpened, removed").build());
    var unknown = assertThrows(NotSerializableException.class, () -> serializer.fromBinary(new byte[] {1}, "301"));
    assertTrue(unknown.getMessage().contains("301"), unknown.getMessage());
    var retired = assertThrows(NotSerializableException.class, () -> serializer.fromBinary(new byte[] {1}, "300"));
    assertTrue(retired.getMessage().contains("was SlotOpened, removed"), retired.getMessage());
  }

  @Test
  void corruptPayloadFailsLoudly() {
    KryoSerializer serializer = serializer(registry());
    byte[] valid = serializer.toBinary(new Sample(5, "hi"));
    byte[] trailing = java.util.Arrays.copyOf(valid, valid.length + 1);
    assertThrows(IllegalStateException.class, () -> serializer.fromBinary(trailing, "203"));
    byte[] truncated = java.util.Arrays.copyOf(valid, valid.length - 2);
    assertThrows(IllegalStateException.class, () -> serializer.fromBinary(truncated, "203"));
  }

  @Test
  void oversizedPayloadIsRefused() {
    KryoSerializer small = new KryoSerializer(new KryoSerializer.SerializationSettings(registry(), 64, 1), () -> null);
    var failure = assertThrows(IllegalArgumentException.class, () -> small.toBinary(new Sample(1, "x".repeat(100))));
    assertTrue(failure.getMessage().contains(Sample.class.getName()), failure.getMessage());
  }
}

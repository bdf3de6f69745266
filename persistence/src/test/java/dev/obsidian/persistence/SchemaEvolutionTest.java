package dev.obsidian.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two shapes of one type under the same id, as two releases would have them: bytes written with the old
 * registry are read with the new one (and the other way round, which must be refused).
 */
class SchemaEvolutionTest {
  static final int ORDER = 400;
  static final int DETAIL = 401;
  static final int SIDE = 402;

  record OrderV1(long amount, String legacyNote, DetailV1 detail) implements ObsidianSerializable {}

  record DetailV1(int code) implements ObsidianSerializable {}

  /** Version 2: legacyNote and detail removed (DetailV1's id retired), reason and tags added. */
  record OrderV2(long amount, String reason, List<String> tags, boolean urgent) implements ObsidianSerializable {
    OrderV2 {
      reason = reason == null ? "none" : reason;
      tags = tags == null ? List.of() : List.copyOf(tags);
    }
  }

  /** Version 3: amount renamed to amountMinorUnits, with a migration for versions 1 and 2. */
  record OrderV3(long amountMinorUnits) implements ObsidianSerializable {}

  record OrderWrongType(String amount) implements ObsidianSerializable {}

  enum SideV1 { BUY, SELL, HOLD }

  enum SideV2 { SELL, BUY, CLOSE }

  record Trade(Object side) implements ObsidianSerializable {}

  private static KryoSerializer serializer(TypeRegistry.Builder registry) {
    return new KryoSerializer(new KryoSerializer.SerializationSettings(registry.build(), 1 << 20, 2), () -> null);
  }

  private static final KryoSerializer V1 = serializer(TypeRegistry.builder()
      .register(ORDER, OrderV1.class, 1).register(DETAIL, DetailV1.class, 1));
  private static final KryoSerializer V2 = serializer(TypeRegistry.builder()
      .register(ORDER, OrderV2.class, 2).retire(DETAIL, "DetailV1, dropped in version 2"));

  private static Object readV1WrittenWith(KryoSerializer reader, Object written) throws Exception {
    return reader.fromBinary(V1.toBinary(written), V1.manifest(written));
  }

  @Test
  void addedFieldsGetDefaultsAndRemovedFieldsAreSkipped() throws Exception {
    Object read = readV1WrittenWith(V2, new OrderV1(250, "old", new DetailV1(9)));
    assertEquals(new OrderV2(250, "none", List.of(), false), read);
  }

  @Test
  void newerSchemaVersionIsRefusedRatherThanTruncated() {
    OrderV2 written = new OrderV2(1, "r", List.of("t"), true);
    var failure = assertThrows(IllegalStateException.class,
        () -> V1.fromBinary(V2.toBinary(written), V2.manifest(written)));
    assertTrue(failure.getMessage().contains("schema version 2, newer than version 1"), failure.getMessage());
  }

  @Test
  void migrationRenamesAFieldOfOlderVersions() throws Exception {
    KryoSerializer v3 = serializer(TypeRegistry.builder()
        .register(ORDER, OrderV3.class, 3, (storedVersion, fields) -> Map.of("amountMinorUnits", fields.get("amount")))
        .register(DETAIL, DetailV1.class, 1));
    assertEquals(new OrderV3(250), readV1WrittenWith(v3, new OrderV1(250, "old", new DetailV1(9))));
    OrderV2 fromV2 = new OrderV2(40, "r", List.of(), false);
    assertEquals(new OrderV3(40), v3.fromBinary(V2.toBinary(fromV2), V2.manifest(fromV2)));
  }

  @Test
  void changedFieldTypeIsReportedByFieldName() {
    KryoSerializer wrongType = serializer(TypeRegistry.builder().register(ORDER, OrderWrongType.class, 2).register(DETAIL, DetailV1.class, 1));
    var failure = assertThrows(IllegalStateException.class, () -> readV1WrittenWith(wrongType, new OrderV1(1, "x", null)));
    assertTrue(failure.getMessage().contains("field 'amount'"), failure.getMessage());
  }

  @Test
  void enumsAreStoredByNameSoReorderingIsSafe() throws Exception {
    KryoSerializer oldEnum = serializer(TypeRegistry.builder().registerEnum(SIDE, SideV1.class).register(403, Trade.class, 1));
    KryoSerializer newEnum = serializer(TypeRegistry.builder().registerEnum(SIDE, SideV2.class).register(403, Trade.class, 1));
    Trade sell = new Trade(SideV1.SELL);
    assertEquals(new Trade(SideV2.SELL), newEnum.fromBinary(oldEnum.toBinary(sell), "403"));
    var failure = assertThrows(IllegalStateException.class, () -> newEnum.fromBinary(oldEnum.toBinary(new Trade(SideV1.HOLD)), "403"));
    assertTrue(failure.getMessage().contains("'HOLD' does not exist in enum " + SideV2.class.getName()), failure.getMessage());
  }
}

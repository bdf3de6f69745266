package dev.obsidian.persistence;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TypeRegistryTest {
  record A(int x) {}

  record B(int y) {}

  static final class NotARecord {}

  private static void assertRefused(String expectedFragment, Runnable registration) {
    var failure = assertThrows(IllegalArgumentException.class, registration::run);
    assertTrue(failure.getMessage().contains(expectedFragment), failure.getMessage());
  }

  @Test
  void idsAndTypesAreUnique() {
    assertRefused("id 100 of " + B.class.getName() + " is already registered to " + A.class.getName(),
        () -> TypeRegistry.builder().register(100, A.class, 1).register(100, B.class, 1));
    assertRefused("type " + A.class.getName() + " is already registered with id 100",
        () -> TypeRegistry.builder().register(100, A.class, 1).register(101, A.class, 1));
  }

  @Test
  void retiredIdsAreNeverReused() {
    assertRefused("is retired (was A)",
        () -> TypeRegistry.builder().retire(100, "was A").register(100, B.class, 1));
    assertRefused("cannot retire",
        () -> TypeRegistry.builder().register(100, A.class, 1).retire(100, "oops"));
  }

  @Test
  void reservedIdsBadVersionsAndNonRecordsAreRefused() {
    assertRefused("must be >= 100", () -> TypeRegistry.builder().register(99, A.class, 1));
    assertRefused("schemaVersion of " + A.class.getName() + " must be >= 1", () -> TypeRegistry.builder().register(100, A.class, 0));
    @SuppressWarnings({"unchecked", "rawtypes"})
    Runnable nonRecord = () -> TypeRegistry.builder().register(100, (Class) NotARecord.class, 1);
    assertRefused("is not a record", nonRecord);
  }
}

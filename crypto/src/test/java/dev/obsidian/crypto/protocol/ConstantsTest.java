package dev.obsidian.crypto.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants.DomainSeparator;
import dev.obsidian.crypto.testing.Vector;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every constant against vectors/constants.json, which the real @aztec/constants 4.1.2 exports produced. */
class ConstantsTest {

  private static final Vector VECTORS = Vector.load("constants");

  @Test
  void everyConstantMatchesTheAztecExportOfTheSameName() throws IllegalAccessException {
    int checked = 0;
    for (Field field : Constants.class.getFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      assertEquals(reference(field.getName()), asBigInteger(field.get(null)), field.getName());
      checked++;
    }
    assertTrue(checked > 100, "expected over 100 constants, checked " + checked);
  }

  @Test
  void domainSeparatorsAreExactlyTheAztecEnum() {
    Map<String, BigInteger> expected = new TreeMap<>();
    VECTORS.object("domainSeparators").raw().forEach((name, value) -> expected.put(name, (BigInteger) value));
    Map<String, BigInteger> actual = new TreeMap<>();
    Arrays.stream(DomainSeparator.values()).forEach(s -> actual.put(s.name(), BigInteger.valueOf(s.value())));
    assertEquals(expected, actual);
  }

  @Test
  void separatorFieldAndBytesAgreeWithTheValue() {
    for (DomainSeparator separator : DomainSeparator.values()) {
      assertEquals(Fr.of(separator.value()), separator.toField(), separator.name());
      assertEquals(separator.value(), new BigInteger(1, separator.toUint32BytesBE()).longValue(), separator.name());
    }
  }

  /** The tree heights the foundation was planned around (ARCHITECTURE.md), as a readable double check. */
  @Test
  void treeHeights() {
    assertEquals(42, Constants.NOTE_HASH_TREE_HEIGHT);
    assertEquals(42, Constants.NULLIFIER_TREE_HEIGHT);
    assertEquals(40, Constants.PUBLIC_DATA_TREE_HEIGHT);
    assertEquals(36, Constants.L1_TO_L2_MSG_TREE_HEIGHT);
    assertEquals(30, Constants.ARCHIVE_HEIGHT);
  }

  private static BigInteger reference(String name) {
    for (String section : new String[] {"numbers", "worldStateInitialSizes"}) {
      if (VECTORS.object(section).has(name)) {
        return VECTORS.object(section).integer(name);
      }
    }
    if (VECTORS.object("bigints").has(name)) {
      return VECTORS.object("bigints").fr(name).toBigInteger();
    }
    if (name.equals("GENESIS_CHECKPOINT_HEADER_HASH")) {
      return VECTORS.fr("genesisCheckpointHeaderHash").toBigInteger();
    }
    return fail("constant " + name + " has no reference value in vectors/constants.json");
  }

  private static BigInteger asBigInteger(Object value) {
    if (value instanceof Fr fr) {
      return fr.toBigInteger();
    }
    return BigInteger.valueOf(((Number) value).longValue());
  }
}

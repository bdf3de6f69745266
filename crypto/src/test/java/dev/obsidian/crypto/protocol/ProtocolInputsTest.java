package dev.obsidian.crypto.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.crypto.field.Fr;
import org.junit.jupiter.api.Test;

/** Bad inputs are refused with a message naming what is wrong. */
class ProtocolInputsTest {

  @Test
  void negativeNoteHashIndexIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ProtocolHashes.computeNoteHashNonce(Fr.ONE, -1));
    assertTrue(e.getMessage().contains("noteHashIndex"), e.getMessage());
  }

  @Test
  void nullHashInputIsNamedByPosition() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> ProtocolHashes.computeVarArgsHash(Fr.ONE, null));
    assertTrue(e.getMessage().contains("hash input 1"), e.getMessage());
  }

  @Test
  void ethAddressMustBeTwentyBytes() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> EthAddress.fromHex("0x1234"))
        .getMessage().contains("40 hex digits"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> EthAddress.fromBytes(new byte[21]))
        .getMessage().contains("20 bytes"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> EthAddress.fromField(Fr.of(-1)))
        .getMessage().contains("160 bits"));
  }

  @Test
  void ethAddressRoundTripsThroughItsField() {
    EthAddress address = EthAddress.fromHex("0x24bb83b33192a509ab12860daf02a5027e44cb0e");
    assertEquals(address, EthAddress.fromField(address.toField()));
    assertEquals("0x24bb83b33192a509ab12860daf02a5027e44cb0e", address.toString());
  }
}

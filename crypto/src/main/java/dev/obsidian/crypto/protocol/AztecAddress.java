package dev.obsidian.crypto.protocol;

import dev.obsidian.crypto.field.Fr;
import java.util.Objects;

/**
 * An Aztec L2 address: one field element, the x-coordinate of the account's address point (see
 * {@code dev.obsidian.crypto.keys.Keys#computeAddress}). As in Aztec, any field value is accepted; only addresses
 * that are a Grumpkin x-coordinate can receive encrypted notes.
 */
public record AztecAddress(Fr value) {

  public static final AztecAddress ZERO = new AztecAddress(Fr.ZERO);

  public AztecAddress {
    Objects.requireNonNull(value, "value");
  }

  public static AztecAddress of(long value) {
    return new AztecAddress(Fr.of(value));
  }

  /** 0x-hex or decimal, strictly canonical. */
  public static AztecAddress parse(String text) {
    return new AztecAddress(Fr.parse(text));
  }

  public Fr toField() {
    return value;
  }

  @Override
  public String toString() {
    return value.toHex();
  }
}

package dev.obsidian.crypto.protocol;

import dev.obsidian.crypto.field.Fr;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** A 20-byte Ethereum (L1) address. Immutable: the bytes are copied in and out. */
public final class EthAddress {

  public static final int BYTES = 20;
  public static final EthAddress ZERO = new EthAddress(new byte[BYTES]);

  private final byte[] bytes;

  private EthAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  public static EthAddress fromBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("an Ethereum address is " + BYTES + " bytes, got " + bytes.length);
    }
    return new EthAddress(bytes.clone());
  }

  /** 40 hex digits, with or without 0x. */
  public static EthAddress fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.length() != 2 * BYTES) {
      throw new IllegalArgumentException(
          "an Ethereum address is " + 2 * BYTES + " hex digits, got " + digits.length() + " in '" + hex + "'");
    }
    try {
      return new EthAddress(HexFormat.of().parseHex(digits));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Ethereum address '" + hex + "' is not hex", e);
    }
  }

  /** The field whose low 20 bytes are this address (Aztec's {@code EthAddress.toField}). */
  public Fr toField() {
    return Fr.fromBigInteger(new BigInteger(1, bytes));
  }

  /** The address in a field's low 20 bytes; unlike Aztec's lenient {@code EthAddress.fromField}, higher bytes must be zero. */
  public static EthAddress fromField(Fr field) {
    byte[] full = field.toBytesBE();
    for (int i = 0; i < full.length - BYTES; i++) {
      if (full[i] != 0) {
        throw new IllegalArgumentException("field " + field + " does not fit in 160 bits: not an Ethereum address");
      }
    }
    return new EthAddress(Arrays.copyOfRange(full, full.length - BYTES, full.length));
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EthAddress other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "0x" + HexFormat.of().formatHex(bytes);
  }
}

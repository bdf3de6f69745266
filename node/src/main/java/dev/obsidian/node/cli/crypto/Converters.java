package dev.obsidian.node.cli.crypto;

import dev.obsidian.crypto.field.Fq;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants.DomainSeparator;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Argument parsers. Picocli wraps their messages as "Invalid value for ... (LABEL): reason", so a bad argument is
 * named by its label, and the command exits with the usage code 2.
 */
final class Converters {

  /** Longest byte string sha256-to-field accepts on the command line: a limit, as everything has one. */
  static final int MAX_HEX_BYTES = 1 << 20;

  private Converters() {}

  /** A BN254 Fr element: 0x-hex or decimal, canonical (below p). */
  static final class FrConverter implements ITypeConverter<Fr> {
    @Override
    public Fr convert(String text) {
      try {
        return Fr.parse(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A Grumpkin scalar (BN254 Fq element): 0x-hex or decimal, canonical (below q). */
  static final class FqConverter implements ITypeConverter<Fq> {
    @Override
    public Fq convert(String text) {
      try {
        return Fq.parse(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class AztecAddressConverter implements ITypeConverter<AztecAddress> {
    @Override
    public AztecAddress convert(String text) {
      return new AztecAddress(new FrConverter().convert(text));
    }
  }

  /** A non-negative index below 2^63: 0x-hex or decimal. */
  static final class IndexConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      BigInteger value = new FrConverter().convert(text).toBigInteger();
      if (value.bitLength() > 63) {
        throw new TypeConversionException("index " + text + " does not fit in 63 bits");
      }
      return value.longValue();
    }
  }

  /** Raw bytes (a record, so picocli takes one argument rather than an array of them). */
  record HexBytes(byte[] bytes) {}

  /** Raw bytes as hex, with or without 0x; "0x" alone is the empty string. */
  static final class HexBytesConverter implements ITypeConverter<HexBytes> {
    @Override
    public HexBytes convert(String text) {
      String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
      if (digits.length() % 2 != 0) {
        throw new TypeConversionException("hex bytes \"" + text + "\" have an odd number of digits");
      }
      if (digits.length() / 2 > MAX_HEX_BYTES) {
        throw new TypeConversionException("hex bytes are longer than " + MAX_HEX_BYTES + " bytes");
      }
      try {
        return new HexBytes(HexFormat.of().parseHex(digits));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("\"" + text + "\" is not hex: " + e.getMessage());
      }
    }
  }

  /** A domain separator: a u32 as 0x-hex or decimal, or a 4.1.2 DomainSeparator name such as SILOED_NOTE_HASH. */
  static final class SeparatorConverter implements ITypeConverter<Fr> {
    @Override
    public Fr convert(String text) {
      if (!text.isEmpty() && Character.isLetter(text.charAt(0)) && !text.startsWith("0x")) {
        try {
          return DomainSeparator.valueOf(text.toUpperCase(Locale.ROOT)).toField();
        } catch (IllegalArgumentException e) {
          throw new TypeConversionException("\"" + text + "\" is not a DomainSeparator name (e.g. SILOED_NOTE_HASH)");
        }
      }
      Fr value = new FrConverter().convert(text);
      if (value.toBigInteger().bitLength() > 32) {
        throw new TypeConversionException("separator " + text + " does not fit in 32 bits");
      }
      return value;
    }
  }
}

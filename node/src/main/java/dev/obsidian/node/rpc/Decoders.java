package dev.obsidian.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.EthAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The decoders methods declare their parameters with. Each one checks the JSON type first, then its cap,
 * and only then converts, so an oversized value is refused before it costs more than the parse.
 */
public final class Decoders {

  /** "0x" and at most 64 hex digits: a field element as Aztec serializes it (0x + 64 lowercase digits). */
  private static final Pattern FIELD_HEX = Pattern.compile("0x[0-9a-fA-F]{1,64}");

  private static final int FIELD_HEX_MAX_CHARS = 66;

  private static final Pattern ETH_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  private Decoders() {}

  /** A BN254 scalar field element as a 0x-hex string, canonical (below the modulus). */
  public static Decoder<Fr> fr() {
    return (value, field) -> {
      String text = textual(value, field, "a 0x-prefixed hex string of at most 64 digits", FIELD_HEX_MAX_CHARS);
      if (!FIELD_HEX.matcher(text).matches()) {
        throw RpcException.invalidParams(field, "expected a 0x-prefixed hex string of 1 to 64 digits, got "
            + Text.quote(text));
      }
      try {
        return Fr.fromHex(text);
      } catch (IllegalArgumentException e) {
        throw RpcException.invalidParams(field, "not a field element: must be below the BN254 scalar modulus");
      }
    };
  }

  /** An Ethereum address: 0x and exactly 40 hex digits. */
  public static Decoder<EthAddress> ethAddress() {
    return (value, field) -> {
      String text = textual(value, field, "a 0x-prefixed 40-digit hex address", 2 + 2 * EthAddress.BYTES);
      if (!ETH_ADDRESS.matcher(text).matches()) {
        throw RpcException.invalidParams(field, "expected 0x and 40 hex digits, got " + Text.quote(text));
      }
      return EthAddress.fromHex(text);
    };
  }

  /** An Aztec address: a field element in 0x-hex. */
  public static Decoder<AztecAddress> aztecAddress() {
    Decoder<Fr> field = fr();
    return (value, name) -> new AztecAddress(field.decode(value, name));
  }

  /**
   * A JSON object whose members are all among {@code names}: an unknown member is refused (a misspelt optional
   * member would otherwise be silently ignored). Returns the object.
   */
  public static JsonNode objectWithOnly(JsonNode value, String field, Set<String> names) {
    if (!value.isObject()) {
      throw RpcException.invalidParams(field, "expected an object, got " + Text.describe(value));
    }
    for (var members = value.fieldNames(); members.hasNext(); ) {
      String name = members.next();
      if (!names.contains(name)) {
        throw RpcException.invalidParams(field, "unknown member " + Text.quote(name) + "; members are: "
            + String.join(", ", names.stream().sorted().toList()));
      }
    }
    return value;
  }

  /** A JSON integer in [min, max]; fractions, exponents and strings are refused. */
  public static Decoder<Long> integer(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
    return (value, field) -> {
      if (!value.isIntegralNumber()) {
        throw RpcException.invalidParams(field, "expected an integer, got " + Text.describe(value));
      }
      if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
        throw RpcException.invalidParams(field, "expected an integer in [" + min + ", " + max + "], got "
            + Text.abbreviate(value.asText()));
      }
      return value.longValue();
    };
  }

  public static Decoder<Boolean> bool() {
    return (value, field) -> {
      if (!value.isBoolean()) {
        throw RpcException.invalidParams(field, "expected true or false, got " + Text.describe(value));
      }
      return value.booleanValue();
    };
  }

  /** A string of at most {@code maxLength} characters. */
  public static Decoder<String> string(int maxLength) {
    requirePositive(maxLength, "maxLength");
    return (value, field) -> textual(value, field, "a string", maxLength);
  }

  /** One of a fixed set of words, such as {@code "latest"}. */
  public static Decoder<String> oneOf(Set<String> words) {
    Set<String> allowed = Set.copyOf(words);
    String listed = String.join(", ", allowed.stream().sorted().toList());
    return (value, field) -> {
      // No length cap needed: the text is only compared, and quoted abbreviated.
      String text = textual(value, field, "one of " + listed, Integer.MAX_VALUE);
      if (!allowed.contains(text)) {
        throw RpcException.invalidParams(field, "expected one of " + listed + ", got " + Text.quote(text));
      }
      return text;
    };
  }

  /** Bytes as a 0x-hex string of at most {@code maxBytes} bytes; the length is checked before decoding. */
  public static Decoder<byte[]> hexBytes(int maxBytes) {
    requirePositive(maxBytes, "maxBytes");
    long maxChars = 2 + 2L * maxBytes;
    return (value, field) -> {
      if (!value.isTextual()) {
        throw RpcException.invalidParams(field, "expected a 0x-prefixed hex string, got " + Text.describe(value));
      }
      String text = value.textValue();
      if (text.length() > maxChars) {
        throw RpcException.invalidParams(field, "has " + (text.length() - 2) / 2 + " bytes, at most "
            + maxBytes + " allowed");
      }
      if (!text.startsWith("0x") || text.length() % 2 != 0) {
        throw RpcException.invalidParams(field, "expected 0x followed by an even number of hex digits");
      }
      try {
        return HexFormat.of().parseHex(text, 2, text.length());
      } catch (IllegalArgumentException e) {
        throw RpcException.invalidParams(field, "contains a character that is not a hex digit");
      }
    };
  }

  /** A JSON array of at most {@code maxLength} elements, each decoded by {@code element}. */
  public static <T> Decoder<List<T>> list(Decoder<T> element, int maxLength) {
    Objects.requireNonNull(element, "element");
    requirePositive(maxLength, "maxLength");
    return (value, field) -> {
      if (!value.isArray()) {
        throw RpcException.invalidParams(field, "expected an array, got " + Text.describe(value));
      }
      if (value.size() > maxLength) {
        throw RpcException.invalidParams(field, "has " + value.size() + " elements, at most " + maxLength
            + " allowed");
      }
      List<T> decoded = new ArrayList<>(value.size());
      for (int i = 0; i < value.size(); i++) {
        decoded.add(element.decode(value.get(i), field + "[" + i + "]"));
      }
      return List.copyOf(decoded);
    };
  }

  /**
   * The member {@code name} of a JSON object, for decoders of object parameters; {@code null} when absent.
   *
   * @throws RpcException if {@code value} is not an object
   */
  public static JsonNode member(JsonNode value, String field, String name) {
    if (!value.isObject()) {
      throw RpcException.invalidParams(field, "expected an object, got " + Text.describe(value));
    }
    return value.get(name);
  }

  /** The member {@code name} of an object, decoded; a missing or null member is an error naming it. */
  public static <T> T requiredMember(JsonNode value, String field, String name, Decoder<T> decoder) {
    JsonNode member = member(value, field, name);
    String memberField = field + "." + name;
    if (member == null || member.isNull()) {
      throw RpcException.invalidParams(memberField, "missing (required member)");
    }
    return decoder.decode(member, memberField);
  }

  private static String textual(JsonNode value, String field, String expected, int maxLength) {
    if (!value.isTextual()) {
      throw RpcException.invalidParams(field, "expected " + expected + ", got " + Text.describe(value));
    }
    String text = value.textValue();
    if (text.length() > maxLength) {
      throw RpcException.invalidParams(field, "has " + text.length() + " characters, at most " + maxLength
          + " allowed");
    }
    return text;
  }

  private static void requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}

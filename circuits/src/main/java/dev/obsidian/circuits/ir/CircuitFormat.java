package dev.obsidian.circuits.ir;

import dev.obsidian.crypto.field.Fr;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stable binary encoding of a {@link Circuit} (format version 1), so a circuit is an artifact with a content
 * hash. The layout is specified in circuits/README.md ("Circuit artifact format"); in short: magic "OBSC", u16
 * version, name, witness count, a string table (oracle names and source locations), the io list, the opcodes, then
 * the SHA-256 of every preceding byte. Integers are unsigned big-endian; field elements are 32 canonical big-endian
 * bytes.
 */
public final class CircuitFormat {
  public static final byte[] MAGIC = {'O', 'B', 'S', 'C'};
  public static final int VERSION = 1;
  static final int TAG_ASSERT_ZERO = 1;
  static final int TAG_RANGE_CHECK = 2;
  static final int TAG_HINT = 3;
  private static final int HASH_BYTES = 32;

  private CircuitFormat() {}

  public static byte[] write(Circuit circuit) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeShort(VERSION);
      writeString(out, circuit.name());
      out.writeInt(circuit.numWitnesses());
      Map<String, Integer> strings = stringTable(circuit);
      out.writeInt(strings.size());
      for (String text : strings.keySet()) {
        writeString(out, text);
      }
      out.writeInt(circuit.io().size());
      for (CircuitIo entry : circuit.io()) {
        out.writeByte(entry.kind().ordinal());
        writeString(out, entry.name());
        out.writeInt(entry.witness());
      }
      out.writeInt(circuit.opcodes().size());
      for (Opcode opcode : circuit.opcodes()) {
        writeOpcode(out, opcode, strings);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = bytes.toByteArray();
    byte[] hash = sha256(body, body.length);
    byte[] all = Arrays.copyOf(body, body.length + HASH_BYTES);
    System.arraycopy(hash, 0, all, body.length, HASH_BYTES);
    return all;
  }

  /** The SHA-256 content hash an encoding ends with: equal circuits have equal hashes. */
  public static byte[] contentHash(Circuit circuit) {
    byte[] encoded = write(circuit);
    return Arrays.copyOfRange(encoded, encoded.length - HASH_BYTES, encoded.length);
  }

  /** Decodes and validates; {@link CircuitFormatException} naming the field and byte offset on any defect. */
  public static Circuit read(byte[] encoded) {
    if (encoded.length < MAGIC.length + 2 + HASH_BYTES) {
      throw new CircuitFormatException("circuit artifact is " + encoded.length + " bytes, too short to hold a header");
    }
    int bodyLength = encoded.length - HASH_BYTES;
    byte[] expected = sha256(encoded, bodyLength);
    if (!Arrays.equals(expected, 0, HASH_BYTES, encoded, bodyLength, encoded.length)) {
      throw new CircuitFormatException("circuit artifact content hash (last 32 bytes) does not match its contents");
    }
    return new Reader(encoded, bodyLength).circuit();
  }

  private static Map<String, Integer> stringTable(Circuit circuit) {
    Map<String, Integer> strings = new LinkedHashMap<>();
    for (Opcode opcode : circuit.opcodes()) {
      if (opcode instanceof Opcode.Hint hint) {
        strings.putIfAbsent(hint.oracle(), strings.size());
      }
      strings.putIfAbsent(opcode.location(), strings.size());
    }
    return strings;
  }

  private static void writeOpcode(DataOutputStream out, Opcode opcode, Map<String, Integer> strings)
      throws IOException {
    switch (opcode) {
      case Opcode.AssertZero assertZero -> {
        out.writeByte(TAG_ASSERT_ZERO);
        out.writeInt(strings.get(opcode.location()));
        writeExpression(out, assertZero.expression());
      }
      case Opcode.RangeCheck range -> {
        out.writeByte(TAG_RANGE_CHECK);
        out.writeInt(strings.get(opcode.location()));
        out.writeInt(range.witness());
        out.writeShort(range.bits());
      }
      case Opcode.Hint hint -> {
        out.writeByte(TAG_HINT);
        out.writeInt(strings.get(opcode.location()));
        out.writeInt(strings.get(hint.oracle()));
        out.writeInt(hint.inputs().size());
        for (Expression input : hint.inputs()) {
          writeExpression(out, input);
        }
        out.writeInt(hint.outputs().size());
        for (int output : hint.outputs()) {
          out.writeInt(output);
        }
      }
    }
  }

  private static void writeExpression(DataOutputStream out, Expression expression) throws IOException {
    out.writeByte(expression.product().isPresent() ? 1 : 0);
    if (expression.product().isPresent()) {
      Product product = expression.product().get();
      out.write(product.coefficient().toBytesBE());
      out.writeInt(product.left());
      out.writeInt(product.right());
    }
    out.writeInt(expression.linear().size());
    for (WitnessTerm term : expression.linear()) {
      out.writeInt(term.witness());
      out.write(term.coefficient().toBytesBE());
    }
    out.write(expression.constant().toBytesBE());
  }

  private static void writeString(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static byte[] sha256(byte[] bytes, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, 0, length);
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A bounds-checked cursor over the body (everything before the hash). */
  private static final class Reader {
    private final byte[] bytes;
    private final int end;
    private int offset;
    private List<String> strings = List.of();

    Reader(byte[] bytes, int end) {
      this.bytes = bytes;
      this.end = end;
    }

    Circuit circuit() {
      for (int i = 0; i < MAGIC.length; i++) {
        if (bytes[i] != MAGIC[i]) {
          throw new CircuitFormatException("magic: expected \"OBSC\" at offset 0, this is not a circuit artifact");
        }
      }
      offset = MAGIC.length;
      int version = u16("version");
      if (version != VERSION) {
        throw new CircuitFormatException("version: this reader knows format " + VERSION + ", the artifact is "
            + version);
      }
      String name = string("name");
      int numWitnesses = count("numWitnesses", 0);
      strings = readStrings();
      List<CircuitIo> io = readIo();
      List<Opcode> opcodes = readOpcodes();
      if (offset != end) {
        throw new CircuitFormatException((end - offset) + " unexpected bytes after the opcodes at offset " + offset);
      }
      try {
        return new Circuit(name, numWitnesses, io, opcodes);
      } catch (IllegalArgumentException e) {
        throw new CircuitFormatException("circuit '" + name + "' is inconsistent: " + e.getMessage());
      }
    }

    private List<String> readStrings() {
      int count = count("stringCount", 4);
      List<String> table = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        table.add(string("strings[" + i + "]"));
      }
      return table;
    }

    private List<CircuitIo> readIo() {
      int count = count("ioCount", 9);
      List<CircuitIo> io = new ArrayList<>(count);
      CircuitIo.Kind[] kinds = CircuitIo.Kind.values();
      for (int i = 0; i < count; i++) {
        String field = "io[" + i + "]";
        int kind = u8(field + ".kind");
        if (kind >= kinds.length) {
          throw new CircuitFormatException(field + ".kind: " + kind + " is not 0, 1 or 2 (offset " + (offset - 1)
              + ")");
        }
        String name = string(field + ".name");
        io.add(new CircuitIo(name, count(field + ".witness", 0), kinds[kind]));
      }
      return io;
    }

    private List<Opcode> readOpcodes() {
      int count = count("opcodeCount", 5);
      List<Opcode> opcodes = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        opcodes.add(opcode("opcodes[" + i + "]"));
      }
      return opcodes;
    }

    private Opcode opcode(String field) {
      int tagOffset = offset;
      int tag = u8(field + ".tag");
      String location = stringRef(field + ".location");
      try {
        return switch (tag) {
          case TAG_ASSERT_ZERO -> new Opcode.AssertZero(expression(field), location);
          case TAG_RANGE_CHECK -> new Opcode.RangeCheck(count(field + ".witness", 0), u16(field + ".bits"), location);
          case TAG_HINT -> hint(field, location);
          default -> throw new CircuitFormatException(field + ".tag: unknown opcode tag " + tag + " at offset "
              + tagOffset);
        };
      } catch (IllegalArgumentException e) {
        throw new CircuitFormatException(field + " (offset " + tagOffset + "): " + e.getMessage());
      }
    }

    private Opcode.Hint hint(String field, String location) {
      String oracle = stringRef(field + ".oracle");
      int inputCount = count(field + ".inputCount", 9);
      List<Expression> inputs = new ArrayList<>(inputCount);
      for (int i = 0; i < inputCount; i++) {
        inputs.add(expression(field + ".inputs[" + i + "]"));
      }
      int outputCount = count(field + ".outputCount", 4);
      List<Integer> outputs = new ArrayList<>(outputCount);
      for (int i = 0; i < outputCount; i++) {
        outputs.add(count(field + ".outputs[" + i + "]", 0));
      }
      return new Opcode.Hint(oracle, inputs, outputs, location);
    }

    private Expression expression(String field) {
      int hasProduct = u8(field + ".hasProduct");
      if (hasProduct > 1) {
        throw new CircuitFormatException(field + ".hasProduct: expected 0 or 1, got " + hasProduct);
      }
      java.util.Optional<Product> product = java.util.Optional.empty();
      if (hasProduct == 1) {
        Fr coefficient = fr(field + ".product.coefficient");
        product = java.util.Optional.of(new Product(coefficient, count(field + ".product.left", 0),
            count(field + ".product.right", 0)));
      }
      int terms = count(field + ".linearCount", 36);
      List<WitnessTerm> linear = new ArrayList<>(terms);
      for (int i = 0; i < terms; i++) {
        int witness = count(field + ".linear[" + i + "].witness", 0);
        linear.add(new WitnessTerm(witness, fr(field + ".linear[" + i + "].coefficient")));
      }
      return new Expression(product, linear, fr(field + ".constant"));
    }

    private String stringRef(String field) {
      int index = count(field, 0);
      if (index >= strings.size()) {
        throw new CircuitFormatException(field + ": string index " + index + " is outside the table of "
            + strings.size());
      }
      return strings.get(index);
    }

    private String string(String field) {
      int length = count(field + ".length", 1);
      String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
      offset += length;
      return text;
    }

    private Fr fr(String field) {
      require(field, 32);
      try {
        Fr value = Fr.fromBytesBE(Arrays.copyOfRange(bytes, offset, offset + 32));
        offset += 32;
        return value;
      } catch (RuntimeException e) {
        throw new CircuitFormatException(field + " at offset " + offset + " is not a canonical field element");
      }
    }

    /** A u32 that counts or indexes something; each unit needs at least minBytesEach more bytes, so lies fail. */
    private int count(String field, int minBytesEach) {
      require(field, 4);
      long value = Integer.toUnsignedLong(
          ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16) | ((bytes[offset + 2] & 0xff) << 8)
              | (bytes[offset + 3] & 0xff));
      offset += 4;
      if (value > Integer.MAX_VALUE || value * minBytesEach > end - offset) {
        throw new CircuitFormatException(field + ": " + value + " does not fit the " + (end - offset)
            + " bytes left at offset " + (offset - 4));
      }
      return (int) value;
    }

    private int u16(String field) {
      require(field, 2);
      int value = ((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff);
      offset += 2;
      return value;
    }

    private int u8(String field) {
      require(field, 1);
      return bytes[offset++] & 0xff;
    }

    private void require(String field, int length) {
      if (end - offset < length) {
        throw new CircuitFormatException(field + ": needs " + length + " bytes at offset " + offset + ", "
            + (end - offset) + " left");
      }
    }
  }
}

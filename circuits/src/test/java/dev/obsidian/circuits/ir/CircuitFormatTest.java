package dev.obsidian.circuits.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.crypto.field.Fr;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CircuitFormatTest {
  /** w0 public input "x", w1 private "y"; 2·w0·w1 + 3·w1 - 1 = 0; w1 in 8 bits; hint "o"(w0 + 5) -> w1. */
  private static Circuit tiny() {
    Expression product = new Expression(Optional.of(new Product(Fr.of(2), 0, 1)),
        List.of(new WitnessTerm(1, Fr.of(3))), Fr.of(-1));
    return new Circuit("t", 2,
        List.of(new CircuitIo("x", 0, CircuitIo.Kind.PUBLIC_INPUT), new CircuitIo("y", 1, CircuitIo.Kind.PRIVATE_INPUT)),
        List.of(new Opcode.AssertZero(product, "A"), new Opcode.RangeCheck(1, 8, "B"),
            new Opcode.Hint("o", List.of(new Expression(Optional.empty(), List.of(new WitnessTerm(0, Fr.ONE)),
                Fr.of(5))), List.of(1), "A")));
  }

  /** The bytes the README's layout gives for {@link #tiny()}, written field by field from the spec. */
  private static byte[] tinyBySpec() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(1024);
    b.put("OBSC".getBytes(StandardCharsets.US_ASCII)).putShort((short) 1);
    string(b, "t");
    b.putInt(2);
    b.putInt(3); // string table: locations and oracle names in first-use order
    string(b, "A");
    string(b, "B");
    string(b, "o");
    b.putInt(2);
    b.put((byte) 0);
    string(b, "x");
    b.putInt(0);
    b.put((byte) 1);
    string(b, "y");
    b.putInt(1);
    b.putInt(3);
    b.put((byte) 1).putInt(0); // assert-zero at "A"
    b.put((byte) 1).put(fr(2)).putInt(0).putInt(1);
    b.putInt(1).putInt(1).put(fr(3));
    b.put(Fr.of(-1).toBytesBE());
    b.put((byte) 2).putInt(1).putInt(1).putShort((short) 8); // range at "B"
    b.put((byte) 3).putInt(0).putInt(2); // hint at "A" calling "o"
    b.putInt(1).put((byte) 0).putInt(1).putInt(0).put(fr(1)).put(fr(5));
    b.putInt(1).putInt(1);
    byte[] body = java.util.Arrays.copyOf(b.array(), b.position());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(body);
    out.write(MessageDigest.getInstance("SHA-256").digest(body));
    return out.toByteArray();
  }

  private static void string(ByteBuffer b, String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    b.putInt(utf8.length).put(utf8);
  }

  private static byte[] fr(long value) {
    byte[] out = new byte[32];
    byte[] raw = BigInteger.valueOf(value).toByteArray();
    System.arraycopy(raw, 0, out, 32 - raw.length, raw.length);
    return out;
  }

  @Test
  void encodesExactlyAsTheReadmeSpecifies() throws Exception {
    byte[] expected = tinyBySpec();
    assertArrayEquals(expected, CircuitFormat.write(tiny()));
    assertEquals(tiny(), CircuitFormat.read(expected));
  }

  @Test
  void refusesCorruptTruncatedAndForeignArtifacts() throws Exception {
    byte[] good = tinyBySpec();
    byte[] flipped = good.clone();
    flipped[20] ^= 1;
    assertTrue(assertThrows(CircuitFormatException.class, () -> CircuitFormat.read(flipped)).getMessage()
        .contains("content hash"));
    byte[] truncated = java.util.Arrays.copyOf(good, 10);
    assertThrows(CircuitFormatException.class, () -> CircuitFormat.read(truncated));
    byte[] foreign = rehash(good, 0, (byte) 'X');
    assertTrue(assertThrows(CircuitFormatException.class, () -> CircuitFormat.read(foreign)).getMessage()
        .contains("magic"));
    byte[] future = rehash(good, 5, (byte) 2);
    assertTrue(assertThrows(CircuitFormatException.class, () -> CircuitFormat.read(future)).getMessage()
        .contains("version"));
  }

  @Test
  void refusesAWitnessOutsideTheCircuitNamingTheOpcode() throws Exception {
    byte[] good = tinyBySpec();
    // numWitnesses lives right after magic, version and the name "t" (4 + 2 + 4 + 1 bytes)
    byte[] shrunk = rehash(good, 14, (byte) 1);
    CircuitFormatException failure = assertThrows(CircuitFormatException.class, () -> CircuitFormat.read(shrunk));
    assertTrue(failure.getMessage().contains("witness 1 of 1"), failure.getMessage());
  }

  private static byte[] rehash(byte[] encoded, int index, byte value) throws Exception {
    byte[] body = java.util.Arrays.copyOf(encoded, encoded.length - 32);
    body[index] = value;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(body);
    out.write(MessageDigest.getInstance("SHA-256").digest(body));
    return out.toByteArray();
  }

  @Property(tries = 200)
  void randomCircuitsRoundTrip(@ForAll long seed) {
    Circuit circuit = randomCircuit(new Random(seed));
    byte[] encoded = CircuitFormat.write(circuit);
    assertEquals(circuit, CircuitFormat.read(encoded));
    assertArrayEquals(encoded, CircuitFormat.write(CircuitFormat.read(encoded)));
  }

  private static Circuit randomCircuit(Random random) {
    int witnesses = 1 + random.nextInt(20);
    List<CircuitIo> io = new ArrayList<>();
    for (int w = 0; w < witnesses; w++) {
      if (random.nextInt(3) == 0) {
        io.add(new CircuitIo("io" + w + "ü", w, CircuitIo.Kind.values()[random.nextInt(3)]));
      }
    }
    List<Opcode> opcodes = new ArrayList<>();
    int count = random.nextInt(30);
    for (int i = 0; i < count; i++) {
      String location = "L" + random.nextInt(5);
      opcodes.add(switch (random.nextInt(3)) {
        case 0 -> new Opcode.AssertZero(randomExpression(random, witnesses), location);
        case 1 -> new Opcode.RangeCheck(random.nextInt(witnesses), 1 + random.nextInt(253), location);
        default -> new Opcode.Hint("oracle" + random.nextInt(3),
            List.of(randomExpression(random, witnesses), randomExpression(random, witnesses)),
            List.of(random.nextInt(witnesses)), location);
      });
    }
    return new Circuit("random", witnesses, io, opcodes);
  }

  private static Expression randomExpression(Random random, int witnesses) {
    Optional<Product> product = random.nextBoolean()
        ? Optional.of(new Product(randomNonZero(random), random.nextInt(witnesses), random.nextInt(witnesses)))
        : Optional.empty();
    List<WitnessTerm> linear = new ArrayList<>();
    for (int w = 0; w < witnesses; w++) {
      if (random.nextInt(4) == 0) {
        linear.add(new WitnessTerm(w, randomNonZero(random)));
      }
    }
    return new Expression(product, linear, Fr.reduce(new BigInteger(256, random)));
  }

  private static Fr randomNonZero(Random random) {
    Fr value = Fr.reduce(new BigInteger(256, random));
    return value.isZero() ? Fr.ONE : value;
  }
}

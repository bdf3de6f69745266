package dev.obsidian.node.cli.crypto;

import dev.obsidian.node.cli.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.crypto.curve.GrumpkinPoint;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.testing.Json;
import dev.obsidian.crypto.testing.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code obsidian crypto ...} run in-process, compared with the @aztec 4.1.2 reference vectors. */
class CryptoCommandsTest {

  private static final Vector HASHES = Vector.load("protocol-hashes");
  private static final Vector POSEIDON2 = Vector.load("poseidon2");

  private static List<String> hex(Fr... values) {
    return Arrays.stream(values).map(Fr::toHex).toList();
  }

  private static String[] command(String name, List<String> arguments) {
    List<String> all = new ArrayList<>(List.of("crypto", name));
    all.addAll(arguments);
    return all.toArray(String[]::new);
  }

  private static void assertPrints(String expected, String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of(expected), run.lines(), String.join(" ", args));
  }

  /** Two-argument commands: each vector case is run through the CLI with its inputs in signature order. */
  private static void checkSection(String section, String command, String... keys) {
    for (Vector c : HASHES.objects(section)) {
      List<String> arguments = Arrays.stream(keys).map(k -> c.get(k).toString()).toList();
      assertPrints(c.string("output"), command(command, arguments));
    }
  }

  @Test
  void siloingAndNoteHashes() {
    checkSection("siloNoteHash", "silo-note-hash", "contract", "noteHash");
    checkSection("siloNullifier", "silo-nullifier", "contract", "innerNullifier");
    checkSection("computeNoteHashNonce", "note-hash-nonce", "nullifierZero", "noteHashIndex");
    checkSection("computeUniqueNoteHash", "unique-note-hash", "noteNonce", "siloedNoteHash");
  }

  @Test
  void secretsSlotsAndArguments() {
    checkSection("computeSecretHash", "secret-hash", "secret");
    checkSection("computePublicDataTreeLeafSlot", "public-data-leaf-slot", "contractAddress", "storageSlot");
    checkSection("deriveStorageSlotInMap", "storage-slot-in-map", "mapSlot", "key");
    for (Vector c : HASHES.objects("computeVarArgsHash")) {
      assertPrints(c.string("output"), command("var-args-hash", hex(c.frs("args"))));
    }
  }

  @Test
  void poseidon2HashAndSeparator() {
    for (Vector c : POSEIDON2.objects("hash")) {
      assertPrints(c.string("output"), command("poseidon2", hex(c.frs("inputs"))));
    }
    for (Vector c : POSEIDON2.objects("hashWithSeparator")) {
      List<String> arguments = new ArrayList<>(List.of("--separator", c.integer("separator").toString()));
      arguments.addAll(hex(c.frs("inputs")));
      assertPrints(c.string("output"), command("poseidon2", arguments));
    }
  }

  @Test
  void poseidon2SeparatorByName() {
    Vector c = HASHES.objects("siloNoteHash").get(0);
    assertPrints(c.string("output"),
        "crypto", "poseidon2", "--separator", "SILOED_NOTE_HASH", c.string("contract"), c.string("noteHash"));
  }

  @Test
  void poseidon2Permutation() {
    for (Vector c : POSEIDON2.objects("permutation")) {
      CliRun run = CliRun.of(command("poseidon2-permutation", hex(c.frs("input"))));
      assertEquals(0, run.exitCode(), run.err());
      assertEquals(hex(c.frs("output")), run.lines());
    }
  }

  @Test
  void grumpkinMul() {
    for (Vector c : Vector.load("grumpkin").objects("mul")) {
      GrumpkinPoint expected = c.point("result");
      assertPrints(expected.x().toHex() + " " + expected.y().toHex(), "crypto", "grumpkin-mul", c.string("scalar"));
    }
  }

  @Test
  void sha256ToField() {
    for (Vector c : Vector.load("sha").objects("sha256ToField")) {
      assertPrints(c.string("output"), "crypto", "sha256-to-field", c.string("preimage"));
    }
  }

  @Test
  void decimalAndHexInputsAreTheSame() {
    CliRun decimal = CliRun.of("crypto", "silo-note-hash", "123", "456");
    CliRun hex = CliRun.of("crypto", "silo-note-hash", "0x7b", "0x01c8");
    assertEquals(0, decimal.exitCode());
    assertEquals(decimal.out(), hex.out());
  }

  @Test
  @SuppressWarnings("unchecked")
  void jsonOutput() {
    Vector c = HASHES.objects("siloNullifier").get(0);
    CliRun run = CliRun.of("crypto", "silo-nullifier", "--json", c.string("contract"), c.string("innerNullifier"));
    assertEquals(0, run.exitCode(), run.err());
    Map<String, Object> json = (Map<String, Object>) Json.parse(run.out());
    assertEquals(Map.of("siloedNullifier", c.string("output")), json);

    Vector p = POSEIDON2.objects("permutation").get(0);
    run = CliRun.of(command("poseidon2-permutation", withJson(hex(p.frs("input")))));
    json = (Map<String, Object>) Json.parse(run.out());
    assertEquals(Map.of("state", hex(p.frs("output"))), json);

    run = CliRun.of("crypto", "grumpkin-mul", "--json", "0");
    json = (Map<String, Object>) Json.parse(run.out());
    assertEquals(Boolean.TRUE, ((Map<String, Object>) json.get("point")).get("isInfinite"));
  }

  private static List<String> withJson(List<String> arguments) {
    List<String> all = new ArrayList<>(arguments);
    all.add(0, "--json");
    return all;
  }

  @Test
  void badArgumentExitsTwoNamingIt() {
    CliRun run = CliRun.of("crypto", "silo-note-hash", "0x7b", "0xzz");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("NOTE_HASH"), run.err());
    assertTrue(run.err().contains("0xzz"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void nonCanonicalFieldIsRejected() {
    String p = Fr.MODULUS.toString();
    CliRun run = CliRun.of("crypto", "secret-hash", p);
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("SECRET"), run.err());
  }

  @Test
  void wrongArgumentCountIsAUsageError() {
    CliRun run = CliRun.of("crypto", "poseidon2-permutation", "1", "2", "3");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("'D'"), run.err());
  }

  @Test
  void badSeparatorIsNamed() {
    CliRun run = CliRun.of("crypto", "poseidon2", "--separator", "NOT_A_SEPARATOR", "1");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--separator"), run.err());
    run = CliRun.of("crypto", "poseidon2", "--separator", "0x100000000", "1");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("32 bits"), run.err());
  }
}

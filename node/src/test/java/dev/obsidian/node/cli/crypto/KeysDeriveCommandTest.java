package dev.obsidian.node.cli.crypto;

import dev.obsidian.node.cli.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.crypto.curve.GrumpkinPoint;
import dev.obsidian.crypto.testing.Json;
import dev.obsidian.crypto.testing.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code obsidian keys derive} against vectors/keys.json (@aztec/stdlib/keys 4.1.2). */
class KeysDeriveCommandTest {

  private static final List<String> SCALARS = List.of(
      "masterNullifierHidingKey", "masterIncomingViewingSecretKey", "masterOutgoingViewingSecretKey",
      "masterTaggingSecretKey");
  private static final List<String> POINTS = List.of(
      "masterNullifierPublicKey", "masterIncomingViewingPublicKey", "masterOutgoingViewingPublicKey",
      "masterTaggingPublicKey");

  @Test
  void printsKeysAndAddressInDocumentedOrder() {
    for (Vector c : Vector.load("keys").objects("cases")) {
      CliRun run = CliRun.of("keys", "derive", c.string("secretKey"), "--partial-address", c.string("partialAddress"));
      assertEquals(0, run.exitCode(), run.err());
      List<String> expected = new ArrayList<>();
      SCALARS.forEach(name -> expected.add(c.string(name)));
      for (String name : POINTS) {
        GrumpkinPoint point = c.point(name);
        expected.add(point.x().toHex() + " " + point.y().toHex());
      }
      expected.addAll(List.of(c.string("publicKeysHash"), c.string("preaddress"), c.string("address"),
          c.string("addressSecret")));
      assertEquals(expected, run.lines(), c.toString());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void jsonNamesEveryValue() {
    Vector c = Vector.load("keys").objects("cases").get(0);
    CliRun run = CliRun.of("keys", "derive", "--json", c.string("secretKey"));
    assertEquals(0, run.exitCode(), run.err());
    Map<String, Object> json = (Map<String, Object>) Json.parse(run.out());
    SCALARS.forEach(name -> assertEquals(c.string(name), json.get(name), name));
    for (String name : POINTS) {
      Map<String, Object> point = (Map<String, Object>) json.get(name);
      assertEquals(c.point(name).x().toHex(), point.get("x"), name);
      assertEquals(c.point(name).y().toHex(), point.get("y"), name);
    }
    assertEquals(c.string("publicKeysHash"), json.get("publicKeysHash"));
    assertTrue(!json.containsKey("address"), "no address without --partial-address");
  }

  @Test
  void badSecretKeyExitsTwoNamingIt() {
    CliRun run = CliRun.of("keys", "derive", "12x");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("SECRET_KEY"), run.err());
  }
}

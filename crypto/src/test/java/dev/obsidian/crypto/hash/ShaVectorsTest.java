package dev.obsidian.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.obsidian.crypto.testing.Vector;
import org.junit.jupiter.api.Test;

/** SHA against vectors/sha.json (hash.js inside @aztec/foundation 4.1.2, cross-checked with node:crypto). */
class ShaVectorsTest {

  private static final Vector VECTORS = Vector.load("sha");

  @Test
  void sha256() {
    for (Vector c : VECTORS.objects("sha256")) {
      assertArrayEquals(c.bytes("digest"), Sha.sha256(c.bytes("message")), c.toString());
    }
  }

  @Test
  void sha512() {
    for (Vector c : VECTORS.objects("sha512")) {
      assertArrayEquals(c.bytes("digest"), Sha.sha512(c.bytes("message")), c.toString());
    }
  }

  @Test
  void sha256ToField() {
    for (Vector c : VECTORS.objects("sha256ToField")) {
      assertEquals(c.fr("output"), Sha.sha256ToField(c.bytes("preimage")), c.toString());
      if (c.string("kind").equals("fields")) {
        assertEquals(c.fr("output"), Sha.sha256ToField(c.frs("fields")), c.toString());
      }
    }
  }
}

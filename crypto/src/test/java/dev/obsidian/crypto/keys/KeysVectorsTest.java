package dev.obsidian.crypto.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.crypto.curve.GrumpkinPoint;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.testing.Vector;
import org.junit.jupiter.api.Test;

/** Key derivation and addresses against vectors/keys.json (@aztec/stdlib/keys 4.1.2). */
class KeysVectorsTest {

  private static final Vector VECTORS = Vector.load("keys");

  @Test
  void deriveKeys() {
    for (Vector c : VECTORS.objects("cases")) {
      DerivedKeys keys = Keys.deriveKeys(c.fr("secretKey"));
      assertEquals(c.fq("masterNullifierHidingKey"), keys.masterNullifierHidingKey(), c.toString());
      assertEquals(c.fq("masterIncomingViewingSecretKey"), keys.masterIncomingViewingSecretKey(), c.toString());
      assertEquals(c.fq("masterOutgoingViewingSecretKey"), keys.masterOutgoingViewingSecretKey(), c.toString());
      assertEquals(c.fq("masterTaggingSecretKey"), keys.masterTaggingSecretKey(), c.toString());
      assertEquals(publicKeys(c), keys.publicKeys(), c.toString());
      assertEquals(c.fr("publicKeysHash"), keys.publicKeys().hash(), c.toString());
      assertEquals(c.fq("signingKey"), Keys.deriveSigningKey(c.fr("secretKey")), c.toString());
    }
  }

  @Test
  void addresses() {
    for (Vector c : VECTORS.objects("cases")) {
      PublicKeys publicKeys = publicKeys(c);
      Fr partialAddress = c.fr("partialAddress");
      Fr preaddress = Keys.computePreaddress(publicKeys.hash(), partialAddress);
      assertEquals(c.fr("preaddress"), preaddress, c.toString());
      assertEquals(new AztecAddress(c.fr("address")), Keys.computeAddress(publicKeys, partialAddress), c.toString());
      var addressSecret = Keys.computeAddressSecret(preaddress, c.fq("masterIncomingViewingSecretKey"));
      assertEquals(c.fq("addressSecret"), addressSecret, c.toString());
      GrumpkinPoint addressPoint = Keys.derivePublicKey(addressSecret);
      assertEquals(c.point("addressPoint"), addressPoint, c.toString());
      assertTrue(addressPoint.isYPositive(), "notes are encrypted to the positive-y address point");
    }
  }

  @Test
  void appSiloedKeys() {
    for (Vector c : VECTORS.objects("cases")) {
      AztecAddress app = new AztecAddress(c.fr("app"));
      assertEquals(c.fr("appNullifierHidingKey"),
          Keys.computeAppNullifierHidingKey(c.fq("masterNullifierHidingKey"), app), c.toString());
      assertEquals(c.fq("ovskApp"), Keys.computeOvskApp(c.fq("masterOutgoingViewingSecretKey"), app), c.toString());
    }
  }

  @Test
  void emptyAndDefaultPublicKeys() {
    PublicKeys empty = new PublicKeys(
        GrumpkinPoint.INFINITY, GrumpkinPoint.INFINITY, GrumpkinPoint.INFINITY, GrumpkinPoint.INFINITY);
    assertEquals(VECTORS.fr("emptyPublicKeysHash"), empty.hash());
    Vector defaults = VECTORS.object("defaultPublicKeys");
    assertEquals(publicKeys(defaults), PublicKeys.DEFAULT);
    assertEquals(defaults.fr("hash"), PublicKeys.DEFAULT.hash());
  }

  private static PublicKeys publicKeys(Vector c) {
    return new PublicKeys(
        c.point("masterNullifierPublicKey"),
        c.point("masterIncomingViewingPublicKey"),
        c.point("masterOutgoingViewingPublicKey"),
        c.point("masterTaggingPublicKey"));
  }
}

package dev.obsidian.crypto.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.testing.Vector;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Protocol hashes against vectors/protocol-hashes.json (@aztec/stdlib 4.1.2, argument names as its signatures). */
class ProtocolHashesVectorsTest {

  private static final Vector VECTORS = Vector.load("protocol-hashes");

  private static void check(String section, Function<Vector, Fr> function) {
    List<Vector> cases = VECTORS.objects(section);
    for (Vector c : cases) {
      assertEquals(c.fr("output"), function.apply(c), section + " " + c);
    }
  }

  private static AztecAddress address(Vector c, String key) {
    return new AztecAddress(c.fr(key));
  }

  @Test
  void siloNoteHash() {
    check("siloNoteHash", c -> ProtocolHashes.siloNoteHash(address(c, "contract"), c.fr("noteHash")));
  }

  @Test
  void siloNullifier() {
    check("siloNullifier", c -> ProtocolHashes.siloNullifier(address(c, "contract"), c.fr("innerNullifier")));
  }

  @Test
  void computeNoteHashNonce() {
    check("computeNoteHashNonce",
        c -> ProtocolHashes.computeNoteHashNonce(c.fr("nullifierZero"), c.integer("noteHashIndex").longValueExact()));
  }

  @Test
  void computeUniqueNoteHash() {
    check("computeUniqueNoteHash",
        c -> ProtocolHashes.computeUniqueNoteHash(c.fr("noteNonce"), c.fr("siloedNoteHash")));
  }

  @Test
  void computeSecretHash() {
    check("computeSecretHash", c -> ProtocolHashes.computeSecretHash(c.fr("secret")));
  }

  @Test
  void computeVarArgsHash() {
    check("computeVarArgsHash", c -> ProtocolHashes.computeVarArgsHash(c.frs("args")));
  }

  @Test
  void computeCalldataHash() {
    check("computeCalldataHash", c -> ProtocolHashes.computeCalldataHash(c.frs("calldata")));
  }

  @Test
  void computePublicDataTreeLeafSlot() {
    check("computePublicDataTreeLeafSlot",
        c -> ProtocolHashes.computePublicDataTreeLeafSlot(address(c, "contractAddress"), c.fr("storageSlot")));
  }

  @Test
  void deriveStorageSlotInMap() {
    check("deriveStorageSlotInMap", c -> ProtocolHashes.deriveStorageSlotInMap(c.fr("mapSlot"), c.fr("key")));
  }

  @Test
  void computeProtocolNullifier() {
    check("computeProtocolNullifier", c -> ProtocolHashes.computeProtocolNullifier(c.fr("txRequestHash")));
  }

  @Test
  void computeSiloedPrivateLogFirstField() {
    check("computeSiloedPrivateLogFirstField",
        c -> ProtocolHashes.computeSiloedPrivateLogFirstField(address(c, "contract"), c.fr("field")));
  }

  @Test
  void l1ToL2MessageHashAndNullifier() {
    for (Vector c : VECTORS.objects("l1ToL2Messages")) {
      L1ToL2Message message = new L1ToL2Message(
          EthAddress.fromField(c.fr("senderEthAddress")),
          c.fr("chainId"),
          address(c, "recipient"),
          c.fr("rollupVersion"),
          c.fr("content"),
          c.fr("secretHash"),
          c.fr("index"));
      assertEquals(c.fr("messageHash"), message.hash(), c.toString());
      Vector nullifier = c.object("nullifier");
      assertEquals(address(nullifier, "contract"), message.recipient());
      assertEquals(nullifier.fr("output"), message.nullifier(nullifier.fr("secret")), c.toString());
      assertEquals(nullifier.fr("output"), ProtocolHashes.computeL1ToL2MessageNullifier(
          address(nullifier, "contract"), c.fr("messageHash"), nullifier.fr("secret")));
    }
  }

  @Test
  void l2ToL1MessageHash() {
    for (Vector c : VECTORS.objects("computeL2ToL1MessageHash")) {
      L2ToL1Message message = new L2ToL1Message(
          address(c, "l2Sender"),
          EthAddress.fromHex(c.string("l1Recipient")),
          c.fr("content"),
          c.fr("rollupVersion"),
          c.fr("chainId"));
      assertEquals(c.fr("output"), message.hash(), c.toString());
      assertArrayEquals(c.bytes("preimage"), preimageOf(message), c.toString());
    }
  }

  /**
   * The inline snapshot of "L2ToL1Message siloing matches Noir" in yarn-project/stdlib/src/hash/hash.test.ts, also
   * test data of noir-protocol-circuits' hash.nr: a value published by Aztec, not generated for Obsidian.
   */
  @Test
  void l2ToL1MessageHashPublishedByAztec() {
    L2ToL1Message message = new L2ToL1Message(
        AztecAddress.of(3), EthAddress.fromField(Fr.of(1)), Fr.of(2), Fr.of(4), Fr.of(5));
    assertEquals(Fr.fromHex("0x0081edf209e087ad31b3fd24263698723d57190bd1d6e9fe056fc0c0a68ee661"), message.hash());
  }

  private static byte[] preimageOf(L2ToL1Message message) {
    byte[] out = new byte[148];
    System.arraycopy(message.l2Sender().toField().toBytesBE(), 0, out, 0, 32);
    System.arraycopy(message.rollupVersion().toBytesBE(), 0, out, 32, 32);
    System.arraycopy(message.l1Recipient().toBytes(), 0, out, 64, 20);
    System.arraycopy(message.chainId().toBytesBE(), 0, out, 84, 32);
    System.arraycopy(message.content().toBytesBE(), 0, out, 116, 32);
    return out;
  }
}

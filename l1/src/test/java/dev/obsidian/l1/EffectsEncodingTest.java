package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.circuits.groth16.Proof;
import dev.obsidian.circuits.bn254.G1Point;
import dev.obsidian.circuits.bn254.G2Point;
import dev.obsidian.circuits.rollup.PublishedEffects;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.EthAddress;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/** The calldata encoding against the block root's own list of published fields, and the statement's K. */
class EffectsEncodingTest {
  private final TestBlocks blocks = new TestBlocks(3);

  @Test
  void theCalldataWordsAreTheBlockRootsPublishedFields() {
    for (int txs : List.of(0, 1, 3)) {
      List<TxEffect> effects = blocks.transfers(txs);
      if (txs == 3) {
        effects = List.of(effects.get(0), blocks.transfer(List.of(blocks.messageTo(EthAddress.fromHex(
            "0x00000000000000000000000000000000000000aa"), new AztecAddress(Fr.of(7)), Fr.of(9)))),
            effects.get(2));
      }
      byte[] bytes = EffectsEncoding.encode(effects);
      List<Fr> fields = PublishedEffects.fields(EffectsEncoding.blockTxs(effects));
      assertEquals(fields, BlockStatement.words(bytes));
      assertEquals(32 * fields.size(), bytes.length);
      assertEquals(Fr.of(txs), fields.get(0));
    }
  }

  @Test
  void oneTxWithOneNullifierIsEightWords() {
    TxEffect tx = new TxEffect(new dev.obsidian.actors.tx.TxHash(Fr.of(5)), 3, new dev.obsidian.actors.tx.TxEffects(
        List.of(Fr.of(11)), List.of(), List.of(), List.of(), List.of(), List.of()));
    List<Fr> words = BlockStatement.words(EffectsEncoding.encode(List.of(tx)));
    Fr prefix = Fr.fromBigInteger(BigInteger.ONE.add(BigInteger.valueOf(3).shiftLeft(48)));
    assertEquals(List.of(Fr.ONE, prefix, Fr.of(5), Fr.of(3), Fr.of(11), Fr.ZERO, Fr.ZERO, Fr.ZERO), words);
  }

  @Test
  void effectsKeyIsKeccakModR() {
    byte[] bytes = EffectsEncoding.encode(blocks.transfers(2));
    BigInteger keccak = new BigInteger(1, Hash.sha3(bytes));
    assertEquals(keccak.mod(Fr.MODULUS), EffectsEncoding.effectsKey(bytes).toBigInteger());
  }

  @Test
  void aBatchWhoseBaseProofsDoNotChainIsRefusedBeforeL1() {
    Proof proof = new Proof(G1Point.GENERATOR, G2Point.GENERATOR, G1Point.GENERATOR);
    List<Fr> root = new java.util.ArrayList<>(Collections.nCopies(20, Fr.ZERO));
    root.set(5, Fr.of(1)); // start.noteHash.root
    root.set(11, Fr.of(2)); // end.noteHash.root
    List<Fr> base = new java.util.ArrayList<>(Collections.nCopies(13, Fr.ZERO));
    base.set(0, Fr.of(1));
    base.set(6, Fr.of(3)); // ends elsewhere than the root's end
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlockProofCalldata.Batch.of(0,
        proof, root, List.of(new BlockProofCalldata.BaseProof(0, proof)), List.of(base)));
    assertEquals(true, e.getMessage().contains("not at the block root's end"), e.getMessage());
    base.set(6, Fr.of(2));
    BlockProofCalldata.Batch batch = BlockProofCalldata.Batch.of(0, proof, root,
        List.of(new BlockProofCalldata.BaseProof(0, proof)), List.of(base));
    assertEquals(List.of(), batch.intermediate());
    // the ABI layout: offset 32, then the 22-word head; the tail's first array is the 1 commitment
    byte[] encoded = batch.encode();
    assertEquals(BigInteger.valueOf(32), word(encoded, 0));
    assertEquals(BigInteger.valueOf(22 * 32), word(encoded, 1 + 18));
    assertEquals(BigInteger.ONE, word(encoded, 1 + 22));
  }

  private static BigInteger word(byte[] bytes, int index) {
    return new BigInteger(1, Arrays.copyOfRange(bytes, 32 * index, 32 * index + 32));
  }
}

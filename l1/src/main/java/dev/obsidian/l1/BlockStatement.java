package dev.obsidian.l1;

import dev.obsidian.circuits.rollup.PublishedEffects;
import dev.obsidian.crypto.field.Fr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The block statement exactly as {@code Rollup.blockStatement} builds it on L1 (the values {@code IVerifier.verify}
 * gets): blockNumber, lastArchiveRoot, effectsKey K, archiveRoot, blockHash, noteHashRoot, nullifierRoot,
 * publicDataRoot, effectsCommitment C, effectsEvaluation y, txCount. The Rollup first checks y = P(z) over the
 * tx effects' words (the published bytes after the header) with z = Poseidon2(C, K).
 */
public final class BlockStatement {
  public static final int COUNT = 11;

  private BlockStatement() {}

  /** The statement of a block whose {@code published} bytes (header, then tx effects) go to {@code propose}. */
  public static List<Fr> of(ProposedHeader header, byte[] published, Fr commitment, Fr evaluation) {
    byte[] effects = EffectsEncoding.txEffects(published);
    List<Fr> words = words(effects);
    return List.of(Fr.of(header.blockNumber()), header.lastArchiveRoot(), EffectsEncoding.effectsKey(effects),
        header.archiveRoot(), header.blockHash(), header.noteHashRoot(), header.nullifierRoot(),
        header.publicDataRoot(), commitment, evaluation, words.get(0));
  }

  /** y = P(z) with z = Poseidon2(C, K), over the tx effects' words of {@code published} (what the Rollup recomputes). */
  public static Fr evaluation(byte[] published, Fr commitment) {
    byte[] effects = EffectsEncoding.txEffects(published);
    return PublishedEffects.evaluate(words(effects), PublishedEffects.challenge(commitment,
        EffectsEncoding.effectsKey(effects)));
  }

  /** The effects calldata as field words (each must be below r). */
  public static List<Fr> words(byte[] effects) {
    if (effects.length == 0 || effects.length % 32 != 0) {
      throw new IllegalArgumentException("effects must be a non-empty sequence of 32-byte words, got "
          + effects.length + " bytes");
    }
    List<Fr> words = new ArrayList<>(effects.length / 32);
    for (int i = 0; i < effects.length; i += 32) {
      words.add(Fr.fromBytesBE(Arrays.copyOfRange(effects, i, i + 32)));
    }
    return words;
  }
}

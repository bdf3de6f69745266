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
 * effects words with z = Poseidon2(C, K).
 */
public final class BlockStatement {
  public static final int COUNT = 11;

  private BlockStatement() {}

  public static List<Fr> of(ProposedHeader header, byte[] effects, Fr commitment, Fr evaluation) {
    List<Fr> words = words(effects);
    return List.of(Fr.of(header.blockNumber()), header.lastArchiveRoot(), EffectsEncoding.effectsKey(effects),
        header.archiveRoot(), header.blockHash(), header.noteHashRoot(), header.nullifierRoot(),
        header.publicDataRoot(), commitment, evaluation, words.get(0));
  }

  /** y = P(z) with z = Poseidon2(C, K), over the effects words (what the Rollup recomputes). */
  public static Fr evaluation(byte[] effects, Fr commitment) {
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

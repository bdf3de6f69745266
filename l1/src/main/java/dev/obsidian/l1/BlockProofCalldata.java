package dev.obsidian.l1;

import dev.obsidian.circuits.groth16.Proof;
import dev.obsidian.crypto.field.Fr;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;

/**
 * The {@code proof} argument of {@code Rollup.propose} when proofs are checked:
 * {@code abi.encode(uint256 effectsCommitment, uint256 effectsEvaluation, bytes verifierProof)}, and the
 * {@code verifierProof} of {@code BlockProofVerifier}: {@code abi.encode(BlockProof)} (l1/README.md).
 */
public final class BlockProofCalldata {
  private BlockProofCalldata() {}

  /** One base proof and the variant index (into the BlockProofVerifier's base verifiers) that made it. */
  public record BaseProof(int variant, Proof proof) {}

  /**
   * @param rootVariant index of the block-root variant in the BlockProofVerifier
   * @param start the block's start snapshots (noteHash root, size, nullifier root, size, publicData root, size)
   * @param endSizes note hash, nullifier and public data tree sizes after the block
   * @param txEffectsCommitments the block root's per-tx commitments (its capacity of them, 0 past the tx count)
   * @param intermediate the snapshots after each tx but the last (6 values each)
   */
  public record Batch(int rootVariant, Proof rootProof, List<Fr> start, List<Fr> endSizes,
      List<Fr> txEffectsCommitments, List<List<Fr>> intermediate, List<BaseProof> baseProofs) {
    public Batch {
      require(start.size() == 6, "start must have 6 values, got " + start.size());
      require(endSizes.size() == 3, "endSizes must have 3 values, got " + endSizes.size());
      require(intermediate.stream().allMatch(s -> s.size() == 6), "every intermediate snapshot has 6 values");
      start = List.copyOf(start);
      endSizes = List.copyOf(endSizes);
      txEffectsCommitments = List.copyOf(txEffectsCommitments);
      intermediate = List.copyOf(intermediate);
      baseProofs = List.copyOf(baseProofs);
    }

    /**
     * The batch from the proofs' own public inputs: the block root's (in {@code BlockRootCircuit.publicInputNames}
     * order) and each base proof's 13 (start snapshot, end snapshot, effects commitment). Checks the base proofs
     * chain from the root's start to its end, so a mismatch is found here rather than as a failed pairing on L1.
     */
    public static Batch of(int rootVariant, Proof rootProof, List<Fr> rootInputs, List<BaseProof> baseProofs,
        List<List<Fr>> baseInputs) {
      require(rootInputs.size() >= 19, "a block root has at least 19 public inputs, got " + rootInputs.size());
      require(baseProofs.size() == baseInputs.size(), baseProofs.size() + " base proofs but " + baseInputs.size()
          + " input lists");
      List<Fr> start = rootInputs.subList(5, 11);
      List<Fr> end = rootInputs.subList(11, 17);
      List<List<Fr>> intermediate = new java.util.ArrayList<>();
      List<Fr> current = start;
      for (int t = 0; t < baseInputs.size(); t++) {
        List<Fr> inputs = baseInputs.get(t);
        require(inputs.size() == 13, "base proof " + t + " has " + inputs.size() + " public inputs, expected 13");
        require(inputs.subList(0, 6).equals(current), "base proof " + t + " starts at " + inputs.subList(0, 6)
            + ", not at the previous snapshot " + current);
        require(inputs.get(12).equals(rootInputs.get(19 + t)), "base proof " + t + "'s effects commitment is not "
            + "the block root's txEffectsCommitment[" + t + "]");
        current = inputs.subList(6, 12);
        if (t + 1 < baseInputs.size()) {
          intermediate.add(List.copyOf(current));
        }
      }
      require(current.equals(end), "the base proofs end at " + current + ", not at the block root's end " + end);
      return new Batch(rootVariant, rootProof, start, List.of(end.get(1), end.get(3), end.get(5)),
          rootInputs.subList(19, rootInputs.size()), intermediate, baseProofs);
    }

    /** abi.encode(BlockProof) as BlockProofVerifier.sol declares the struct. */
    public byte[] encode() {
      int head = 1 + 8 + 6 + 3 + 4;
      ByteArrayOutputStream tuple = new ByteArrayOutputStream();
      word(tuple, BigInteger.valueOf(rootVariant));
      proofWords(tuple, rootProof);
      start.forEach(v -> word(tuple, v));
      endSizes.forEach(v -> word(tuple, v));
      int offset = 32 * head;
      word(tuple, BigInteger.valueOf(offset));
      offset += 32 * (1 + txEffectsCommitments.size());
      word(tuple, BigInteger.valueOf(offset));
      offset += 32 * (1 + 6 * intermediate.size());
      word(tuple, BigInteger.valueOf(offset));
      offset += 32 * (1 + baseProofs.size());
      word(tuple, BigInteger.valueOf(offset));
      word(tuple, BigInteger.valueOf(txEffectsCommitments.size()));
      txEffectsCommitments.forEach(v -> word(tuple, v));
      word(tuple, BigInteger.valueOf(intermediate.size()));
      intermediate.forEach(s -> s.forEach(v -> word(tuple, v)));
      word(tuple, BigInteger.valueOf(baseProofs.size()));
      baseProofs.forEach(b -> word(tuple, BigInteger.valueOf(b.variant())));
      word(tuple, BigInteger.valueOf(baseProofs.size()));
      baseProofs.forEach(b -> proofWords(tuple, b.proof()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      word(out, BigInteger.valueOf(32)); // the one argument is a dynamic tuple: its offset
      out.writeBytes(tuple.toByteArray());
      return out.toByteArray();
    }
  }

  /** abi.encode(uint256 C, uint256 y, bytes verifierProof). */
  public static byte[] rollupProof(Fr commitment, Fr evaluation, byte[] verifierProof) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    word(out, commitment);
    word(out, evaluation);
    word(out, BigInteger.valueOf(96));
    word(out, BigInteger.valueOf(verifierProof.length));
    out.writeBytes(verifierProof);
    out.writeBytes(new byte[(32 - verifierProof.length % 32) % 32]);
    return out.toByteArray();
  }

  private static void proofWords(ByteArrayOutputStream out, Proof proof) {
    Groth16VerifierContract.proofWords(proof).forEach(w -> word(out, w));
  }

  private static void word(ByteArrayOutputStream out, Fr value) {
    out.writeBytes(value.toBytesBE());
  }

  private static void word(ByteArrayOutputStream out, BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] word = new byte[32];
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, word, 32 - length, length);
    out.writeBytes(word);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}

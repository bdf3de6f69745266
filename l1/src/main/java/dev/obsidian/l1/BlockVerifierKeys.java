package dev.obsidian.l1;

import dev.obsidian.circuits.groth16.KeyCodec;
import dev.obsidian.circuits.groth16.VerifyingKey;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The verifying keys a proof-checking Rollup's {@code BlockProofVerifier} is deployed with: the block-root variants
 * and the base-rollup variants. A variant's index in the proof calldata is its position in these lists, so the keys a
 * node publishes with must be exactly (same order) the ones the Rollup was deployed with; {@code contracts.json}
 * records each variant's circuit and verifying key hash to check that at start ({@link L1Contracts.ProofChecking}).
 *
 * @param roots block-root variants ({@code block-root-1}, {@code block-root-4}, ...), each with its tx capacity
 * @param bases base-rollup variants ({@code base-rollup-2}, ...), each with its effects capacity
 */
public record BlockVerifierKeys(List<Variant> roots, List<Variant> bases) {
  /** Public inputs of a base rollup proof: start snapshot (6), end snapshot (6), effects commitment. */
  public static final int BASE_PUBLIC_INPUTS = 13;
  /** Public inputs of a block root besides its per-tx commitments (BlockRootCircuit.publicInputNames). */
  public static final int ROOT_FIXED_PUBLIC_INPUTS = 19;

  /**
   * @param circuit the circuit's name as the prover reports it in each proof ({@code AcceptedProof.circuit})
   * @param capacity txs per block for a block root, effects per tree for a base rollup
   * @param verifyingKeyHash {@link KeyCodec#contentHash(VerifyingKey)} of {@code key} (the key store's vk-sha256)
   */
  public record Variant(String circuit, int capacity, VerifyingKey key, String verifyingKeyHash) {
    public Variant {
      if (circuit == null || circuit.isBlank() || key == null || verifyingKeyHash == null) {
        throw new IllegalArgumentException("a verifier variant needs a circuit name, a key and its hash");
      }
      if (capacity < 1) {
        throw new IllegalArgumentException(circuit + ": capacity must be >= 1, got " + capacity);
      }
      String actual = KeyCodec.contentHash(key);
      if (!actual.equals(verifyingKeyHash)) {
        throw new IllegalArgumentException(circuit + ": verifyingKeyHash " + verifyingKeyHash
            + " is not the key's hash " + actual);
      }
    }

    /** A variant whose hash is computed from the key. */
    public static Variant of(String circuit, int capacity, VerifyingKey key) {
      return new Variant(circuit, capacity, key, KeyCodec.contentHash(key));
    }

    /** The variant of a key from the prover's key store (its circuit name, verifying key and vk-sha256). */
    public static Variant of(dev.obsidian.circuits.groth16.KeyStore.LoadedKey loaded, int capacity) {
      return new Variant(loaded.circuit(), capacity, loaded.provingKey().verifyingKey(), loaded.verifyingKeyHash());
    }

    L1Contracts.VerifierVariant recorded() {
      return new L1Contracts.VerifierVariant(circuit, capacity, verifyingKeyHash);
    }
  }

  public BlockVerifierKeys {
    roots = List.copyOf(roots);
    bases = List.copyOf(bases);
    if (roots.isEmpty() || bases.isEmpty()) {
      throw new IllegalArgumentException("a BlockProofVerifier needs at least one block-root and one base-rollup key");
    }
    Set<String> names = new HashSet<>();
    for (Variant variant : roots) {
      int expected = ROOT_FIXED_PUBLIC_INPUTS + variant.capacity();
      if (variant.key().numPublic() != expected) {
        throw new IllegalArgumentException("block-root variant " + variant.circuit() + " has a key with "
            + variant.key().numPublic() + " public inputs; a block root of " + variant.capacity() + " txs has "
            + expected);
      }
      if (!names.add(variant.circuit())) {
        throw new IllegalArgumentException("circuit " + variant.circuit() + " is listed twice");
      }
    }
    for (Variant variant : bases) {
      if (variant.key().numPublic() != BASE_PUBLIC_INPUTS) {
        throw new IllegalArgumentException("base-rollup variant " + variant.circuit() + " has a key with "
            + variant.key().numPublic() + " public inputs; a base rollup has " + BASE_PUBLIC_INPUTS);
      }
      if (!names.add(variant.circuit())) {
        throw new IllegalArgumentException("circuit " + variant.circuit() + " is listed twice");
      }
    }
  }

  /** The index of the block-root variant of {@code circuit}, as the BlockProofVerifier numbers them. */
  public OptionalInt rootIndex(String circuit) {
    return indexOf(roots, circuit);
  }

  /** The index of the base-rollup variant of {@code circuit}, as the BlockProofVerifier numbers them. */
  public OptionalInt baseIndex(String circuit) {
    return indexOf(bases, circuit);
  }

  /** What {@code contracts.json} records of these keys. */
  public L1Contracts.ProofChecking recorded() {
    return new L1Contracts.ProofChecking(true, roots.stream().map(Variant::recorded).toList(),
        bases.stream().map(Variant::recorded).toList());
  }

  List<String> rootCircuits() {
    return roots.stream().map(Variant::circuit).toList();
  }

  List<String> baseCircuits() {
    return bases.stream().map(Variant::circuit).toList();
  }

  private static OptionalInt indexOf(List<Variant> variants, String circuit) {
    for (int i = 0; i < variants.size(); i++) {
      if (variants.get(i).circuit().equals(circuit)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }
}

package dev.obsidian.l1;

import dev.obsidian.actors.BlockProofs;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.circuits.groth16.KeyCodec;
import dev.obsidian.circuits.groth16.Proof;
import dev.obsidian.circuits.rollup.BlockRootCircuit;
import dev.obsidian.crypto.field.Fr;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code proof} argument of {@code Rollup.propose} for a block and its accepted proofs, on a Rollup that checks
 * proofs with {@link BlockVerifierKeys}: {@code abi.encode(C, y, BlockProof)} ({@link BlockProofCalldata}). Everything
 * that can be checked without a pairing is checked here, so a block whose proofs L1 would refuse is refused with a
 * reason naming the block and the problem instead of a revert: the proofs' order and count, their circuits (known
 * variants), their encoding, the block root's statement against the block (number, parents, archive, block hash,
 * effects key) and the base proofs' chain from the root's start to its end.
 */
public final class ProposalProof {
  private ProposalProof() {}

  /**
   * @param proofs in {@link BlockProofs} order: one base rollup proof per tx (index 0..n-1), then the block root
   *     (index n)
   * @throws IllegalArgumentException naming the block and the problem
   */
  public static byte[] encode(BlockVerifierKeys keys, L2Block block, List<BlockProofs.AcceptedProof> proofs) {
    String name = "block " + block.number();
    int txs = block.txEffects().size();
    if (proofs.isEmpty()) {
      throw new IllegalArgumentException(name + " has no proofs, and the Rollup checks proofs"
          + " (PROOF_CHECKING_ENABLED): it would refuse it");
    }
    if (proofs.size() != txs + 1) {
      throw new IllegalArgumentException(name + " has " + txs + " txs, so " + (txs + 1) + " proofs (one base rollup"
          + " per tx, then the block root), got " + proofs.size());
    }
    List<BlockProofCalldata.BaseProof> baseProofs = new ArrayList<>();
    List<List<Fr>> baseInputs = new ArrayList<>();
    for (int t = 0; t < txs; t++) {
      BlockProofs.AcceptedProof base = proofs.get(t);
      requireIndex(name, base, t);
      int variant = keys.baseIndex(base.circuit()).orElseThrow(() -> new IllegalArgumentException(name + ": proof "
          + base.index() + " is of circuit '" + base.circuit() + "', not a base-rollup variant the Rollup's"
          + " BlockProofVerifier was deployed with " + keys.baseCircuits()));
      if (base.publicInputs().size() != BlockVerifierKeys.BASE_PUBLIC_INPUTS) {
        throw new IllegalArgumentException(name + ": base proof " + t + " (" + base.circuit() + ") has "
            + base.publicInputs().size() + " public inputs, expected " + BlockVerifierKeys.BASE_PUBLIC_INPUTS);
      }
      baseProofs.add(new BlockProofCalldata.BaseProof(variant, decode(name, base)));
      baseInputs.add(base.publicInputs());
    }
    BlockProofs.AcceptedProof root = proofs.get(txs);
    requireIndex(name, root, txs);
    int rootVariant = keys.rootIndex(root.circuit()).orElseThrow(() -> new IllegalArgumentException(name
        + ": proof " + root.index() + " is of circuit '" + root.circuit() + "', not a block-root variant the Rollup's"
        + " BlockProofVerifier was deployed with " + keys.rootCircuits()));
    int capacity = keys.roots().get(rootVariant).capacity();
    List<String> names = BlockRootCircuit.publicInputNames(capacity);
    List<Fr> inputs = root.publicInputs();
    if (inputs.size() != names.size()) {
      throw new IllegalArgumentException(name + ": the block root (" + root.circuit() + ") has " + inputs.size()
          + " public inputs, expected " + names.size());
    }
    if (txs > capacity) {
      throw new IllegalArgumentException(name + " has " + txs + " txs, more than " + root.circuit() + " holds ("
          + capacity + ")");
    }
    requireInput(name, names, inputs, "blockNumber", Fr.of(block.number()));
    requireInput(name, names, inputs, "lastArchive.root", block.header().lastArchive().root());
    requireInput(name, names, inputs, "archiveRoot", block.archive().root());
    requireInput(name, names, inputs, "blockHash", block.hash());
    requireInput(name, names, inputs, "effectsKey", EffectsEncoding.effectsKey(
        EffectsEncoding.encode(block.txEffects())));
    BlockProofCalldata.Batch batch;
    try {
      batch = BlockProofCalldata.Batch.of(rootVariant, decode(name, root), inputs, baseProofs, baseInputs);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": its proofs do not chain: " + e.getMessage(), e);
    }
    return BlockProofCalldata.rollupProof(input(names, inputs, "effectsCommitment"),
        input(names, inputs, "effectsEvaluation"), batch.encode());
  }

  private static void requireIndex(String name, BlockProofs.AcceptedProof proof, int expected) {
    if (proof.index() != expected) {
      throw new IllegalArgumentException(name + ": proof at position " + expected + " has index " + proof.index()
          + " (proofs go in BlockProofs order: base rollups 0..n-1, then the block root)");
    }
  }

  private static void requireInput(String name, List<String> names, List<Fr> inputs, String input, Fr expected) {
    Fr proven = input(names, inputs, input);
    if (!proven.equals(expected)) {
      throw new IllegalArgumentException(name + ": its block root proves " + input + " = " + proven + ", but the block"
          + " has " + expected);
    }
  }

  private static Fr input(List<String> names, List<Fr> inputs, String input) {
    int at = names.indexOf(input);
    if (at < 0) {
      throw new IllegalStateException("BlockRootCircuit has no public input " + input);
    }
    return inputs.get(at);
  }

  private static Proof decode(String name, BlockProofs.AcceptedProof proof) {
    try {
      return KeyCodec.decodeProof(proof.proof());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(name + ": proof " + proof.index() + " (" + proof.circuit() + ") does not"
          + " decode: " + e.getMessage(), e);
    }
  }
}

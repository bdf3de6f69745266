package dev.obsidian.actors;

import dev.obsidian.actors.block.BlockHeader;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.persistence.ObsidianSerializable;
import java.util.List;
import java.util.Optional;

/**
 * Port to the proof system. The actors cut a block into jobs, run them on {@link ProverWorker}s anywhere in the
 * cluster and accept a result only after {@link #check}; the Groth16 implementation lives in the {@code prover}
 * module (which depends on this one and on {@code circuits}) and is handed in by whoever starts the node, so this
 * module does not depend on the circuits.
 */
public interface BlockProver {

  /**
   * On the node, which holds the trees: the block's jobs in order, computed on {@code parent}, a fork of the state
   * before the block (left with the block applied), with {@code parentHeader} the header of the block before
   * ({@link BlockHeader#genesis} for block 1). Throws {@link IllegalStateException} when the block does not re-apply
   * to the roots it claims, {@link UnprovableBlockException} when it does but exceeds what the circuits hold.
   */
  List<ProvingJob> plan(WorldStateFork parent, BlockHeader parentHeader, L2Block block);

  /** The block is consistent but larger than any circuit variant this prover has (named in the message). */
  final class UnprovableBlockException extends RuntimeException {
    public UnprovableBlockException(String message) {
      super(message);
    }
  }

  /**
   * On the node, before dispatching: why {@code job} can never be proven here (e.g. no key for its circuit), so the
   * block is left unproven at once instead of after every attempt failed. Empty when it can be.
   */
  default Optional<String> cannotProve(ProvingJob job) {
    return Optional.empty();
  }

  /**
   * At admission, with proving on: why a tx with these effects could never be proven here (more note hashes,
   * nullifiers or public writes than the largest base rollup variant loaded, more messages and logs than the block
   * root holds), so the mempool refuses it instead of stalling a chain whose L1 needs every block proven. Empty when
   * it fits.
   */
  default Optional<String> cannotProveTx(TxEffects effects) {
    return Optional.empty();
  }

  /** On a worker, in any JVM: proves one job; throws with the reason when it cannot. */
  ProvingResult prove(ProvingJob job);

  /**
   * On the node, before a result is accepted: the verifier's independent check of the proof against the job's
   * expected public inputs. Empty when accepted, else why not.
   */
  Optional<String> check(ProvingJob job, ProvingResult result);

  /**
   * One proving job: a circuit and its inputs by name, with the public inputs the proof must carry (computed by the
   * node from the block, not by the worker).
   */
  record ProvingJob(long blockNumber, int index, String circuit, List<String> inputNames, List<Fr> inputValues,
      List<Fr> expectedPublicInputs) implements ObsidianSerializable {
    public ProvingJob {
      inputNames = List.copyOf(inputNames);
      inputValues = List.copyOf(inputValues);
      expectedPublicInputs = List.copyOf(expectedPublicInputs);
      if (inputNames.size() != inputValues.size()) {
        throw new IllegalArgumentException("inputNames has " + inputNames.size() + " entries but inputValues has "
            + inputValues.size());
      }
    }
  }

  /** A proof in its stable encoding (circuits' KeyCodec), the public inputs it proves, and how long it took. */
  record ProvingResult(String circuit, byte[] proof, List<Fr> publicInputs, long provingMillis)
      implements ObsidianSerializable {
    public ProvingResult {
      proof = proof.clone();
      publicInputs = List.copyOf(publicInputs);
    }

    @Override
    public byte[] proof() {
      return proof.clone();
    }
  }
}

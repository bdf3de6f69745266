package dev.obsidian.actors;

import dev.obsidian.actors.tx.Tx;
import java.util.Optional;

/**
 * Checks a tx's proof against its public inputs. The real verifier arrives with the proofs issue; until then the node
 * runs {@link UncheckedProofVerifier}, which checks nothing.
 */
public interface TxProofVerifier {
  /** Empty when the proof is valid, else why not. */
  Optional<String> verify(Tx tx);
}

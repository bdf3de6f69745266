package dev.obsidian.actors;

import dev.obsidian.actors.tx.Tx;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts every proof without looking at it: Obsidian cannot verify tx proofs yet (no circuits). It says so once in
 * the log, and the README states that proofs are not verified.
 */
public final class UncheckedProofVerifier implements TxProofVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(UncheckedProofVerifier.class);
  private final AtomicBoolean warned = new AtomicBoolean();

  @Override
  public Optional<String> verify(Tx tx) {
    if (warned.compareAndSet(false, true)) {
      LOG.warn("tx proofs are NOT verified: UncheckedProofVerifier accepts every proof until the proofs issue lands");
    }
    return Optional.empty();
  }
}

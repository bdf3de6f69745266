package dev.obsidian.actors;

/** Where the sequencer is in building one block. */
public enum SlotPhase {
  /** Waiting for the next tick. Next: COLLECTING. */
  IDLE,
  /** Asking the mempool for txs (not journaled: a crash here loses nothing). Next: BUILDING, or IDLE when too few txs. */
  COLLECTING,
  /** Block proposed (txs and globals journaled), being built and applied. Next: PROVING, or IDLE after a rollback. */
  BUILDING,
  /**
   * Block built and applied; its proof jobs are out. Next: PUBLISHING (proofs accepted, or left unproven when proving
   * is off or failed; when L1 checks proofs, a failed block is proven again and stays here).
   */
  PROVING,
  /** Proven or left unproven; handed to the L1 publisher. Next: IDLE. */
  PUBLISHING
}

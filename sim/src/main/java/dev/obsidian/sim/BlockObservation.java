package dev.obsidian.sim;

/**
 * A mined block as the run saw it.
 *
 * @param seenNanos when the run learnt the block was mined (its txs' receipts turned mined), on the run's ticker
 * @param txCount txs in the block
 * @param ownTxCount of those, txs this run submitted
 */
public record BlockObservation(long number, long seenNanos, int txCount, int ownTxCount) {}

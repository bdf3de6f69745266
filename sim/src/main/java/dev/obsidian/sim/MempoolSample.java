package dev.obsidian.sim;

/** The node's pending tx count at {@code nanos} (run's ticker). */
public record MempoolSample(long nanos, int pendingTxs) {}

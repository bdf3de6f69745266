package dev.obsidian.actors;

import dev.obsidian.crypto.field.Fr;

/**
 * How far the trees are (Aztec WorldStateSyncStatus: latestBlockNumber, latestBlockHash, finalized, oldestHistoric).
 *
 * @param latestBlockNumber the last block applied to the trees
 * @param oldestHistoricBlockNumber the oldest block whose state can still be queried
 */
public record WorldStateSyncStatus(long latestBlockNumber, Fr latestBlockHash, long provenBlockNumber, long oldestHistoricBlockNumber) {}

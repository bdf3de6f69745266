package dev.obsidian.actors;

import dev.obsidian.actors.tx.PrivateLog;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import java.util.List;

/**
 * A private log found by its tag, with where it was mined (Aztec TxScopedL2Log: txHash, blockNumber, log).
 *
 * @param noteHashes the tx's note hashes, which note discovery needs
 */
public record TaggedPrivateLog(TxHash txHash, long blockNumber, int txIndexInBlock, PrivateLog log, List<Fr> noteHashes) {}

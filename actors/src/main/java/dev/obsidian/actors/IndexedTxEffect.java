package dev.obsidian.actors;

import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.crypto.field.Fr;

/** A mined tx's effects and where they are (Aztec IndexedTxEffect: l2BlockNumber, l2BlockHash, txIndexInBlock, data). */
public record IndexedTxEffect(long blockNumber, Fr blockHash, int txIndexInBlock, TxEffect effect) {}

package dev.obsidian.actors;

import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.tx.PrivateLog;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory lookups over the built chain for queries: blocks by number, txs by hash, block hashes, note hash leaf
 * indexes and private logs by tag. Rebuilt from the journal at start (the journal is the source of truth), then fed
 * each block once it is applied to the trees. Thread-safe: one writer (the sequencer's flow), many readers.
 *
 * <p>Everything is held in memory, which bounds the chain length a node serves; persistent read models (Pekko
 * Projections, persistence module) are meant to replace it.
 */
public final class ChainIndex {
  record TxLocation(long blockNumber, int txIndex) {}

  private final List<L2Block> blocks = new ArrayList<>();
  private final Map<Fr, Long> blockNumbersByHash = new ConcurrentHashMap<>();
  private final Map<TxHash, TxLocation> txs = new ConcurrentHashMap<>();
  private final Map<Fr, Long> noteHashLeafIndexes = new ConcurrentHashMap<>();
  private final Map<Fr, Long> l1ToL2MessageLeafIndexes = new ConcurrentHashMap<>();
  private final Map<Fr, List<TaggedPrivateLog>> logsByTag = new ConcurrentHashMap<>();
  private volatile long provenBlockNumber;
  private volatile long publishedBlockNumber;
  private final Optional<L2Block> genesis;

  /** An index that knows the genesis block by its hash only ({@link #block}(0) is empty). */
  public ChainIndex(Fr genesisBlockHash) {
    blockNumbersByHash.put(genesisBlockHash, 0L);
    genesis = Optional.empty();
  }

  /** An index that also serves the genesis block (header, archive, no txs) as block 0. */
  public ChainIndex(L2Block genesisBlock) {
    if (genesisBlock.number() != 0 || !genesisBlock.txEffects().isEmpty()) {
      throw new IllegalArgumentException("the genesis block is block 0 without txs, got block " + genesisBlock.number());
    }
    blockNumbersByHash.put(genesisBlock.hash(), 0L);
    genesis = Optional.of(genesisBlock);
  }

  public synchronized long latestBlockNumber() {
    return blocks.size();
  }

  public synchronized long latestTimestampSeconds() {
    return blocks.isEmpty() ? 0 : blocks.get(blocks.size() - 1).header().globals().timestampSeconds();
  }

  public synchronized Optional<L2Block> block(long number) {
    if (number == 0) {
      return genesis;
    }
    return number >= 1 && number <= blocks.size() ? Optional.of(blocks.get((int) number - 1)) : Optional.empty();
  }

  public synchronized Fr latestBlockHash() {
    return blocks.isEmpty() ? Constants.GENESIS_BLOCK_HEADER_HASH : blocks.get(blocks.size() - 1).hash();
  }

  /** Appends the next block; blocks arrive in order exactly once (an older one is ignored, a gap is refused). */
  public synchronized void add(L2Block block) {
    long expected = blocks.size() + 1L;
    if (block.number() < expected) {
      return;
    }
    if (block.number() > expected) {
      throw new IllegalStateException("block index expected block " + expected + " but got " + block.number());
    }
    blocks.add(block);
    blockNumbersByHash.put(block.hash(), block.number());
    long firstNoteHashLeaf = block.header().state().noteHashTree().size()
        - (long) Constants.MAX_NOTE_HASHES_PER_TX * block.txEffects().size();
    for (int i = 0; i < block.txEffects().size(); i++) {
      indexTx(block, i, firstNoteHashLeaf + (long) Constants.MAX_NOTE_HASHES_PER_TX * i);
    }
    long firstMessageLeaf = firstL1ToL2MessageLeaf(block);
    for (int i = 0; i < block.l1ToL2Messages().size(); i++) {
      l1ToL2MessageLeafIndexes.putIfAbsent(block.l1ToL2Messages().get(i), firstMessageLeaf + i);
    }
  }

  private static long firstL1ToL2MessageLeaf(L2Block block) {
    return block.header().state().l1ToL2MessageTree().size() - (1L << Constants.L1_TO_L2_MSG_SUBTREE_HEIGHT);
  }

  /** The leaf index of an L1->L2 message (its hash) in the message tree, if a block inserted it. */
  public Optional<Long> l1ToL2MessageLeafIndex(Fr message) {
    return Optional.ofNullable(l1ToL2MessageLeafIndexes.get(message));
  }

  private void indexTx(L2Block block, int txIndex, long firstLeaf) {
    TxEffect effect = block.txEffects().get(txIndex);
    txs.put(effect.txHash(), new TxLocation(block.number(), txIndex));
    List<Fr> noteHashes = effect.effects().noteHashes();
    for (int j = 0; j < noteHashes.size(); j++) {
      noteHashLeafIndexes.putIfAbsent(noteHashes.get(j), firstLeaf + j);
    }
    for (PrivateLog log : effect.effects().privateLogs()) {
      logsByTag.computeIfAbsent(log.tag(), tag -> new ArrayList<>())
          .add(new TaggedPrivateLog(effect.txHash(), block.number(), txIndex, log, noteHashes));
    }
  }

  /**
   * Forgets every block after {@code blockNumber} and what was indexed from them (a node following L1 after a reorg
   * took them away). Note hashes that an earlier block also emitted keep that block's leaf index.
   */
  public synchronized void truncateAfter(long blockNumber) {
    if (blockNumber < 0) {
      throw new IllegalArgumentException("blockNumber must not be negative, got " + blockNumber);
    }
    while (blocks.size() > blockNumber) {
      L2Block block = blocks.remove(blocks.size() - 1);
      blockNumbersByHash.remove(block.hash());
      long firstMessageLeaf = firstL1ToL2MessageLeaf(block);
      for (int i = 0; i < block.l1ToL2Messages().size(); i++) {
        l1ToL2MessageLeafIndexes.remove(block.l1ToL2Messages().get(i), firstMessageLeaf + i);
      }
      long firstNoteHashLeaf = block.header().state().noteHashTree().size()
          - (long) Constants.MAX_NOTE_HASHES_PER_TX * block.txEffects().size();
      for (int i = 0; i < block.txEffects().size(); i++) {
        TxEffect effect = block.txEffects().get(i);
        txs.remove(effect.txHash());
        List<Fr> noteHashes = effect.effects().noteHashes();
        long firstLeaf = firstNoteHashLeaf + (long) Constants.MAX_NOTE_HASHES_PER_TX * i;
        for (int j = 0; j < noteHashes.size(); j++) {
          noteHashLeafIndexes.remove(noteHashes.get(j), firstLeaf + j);
        }
        for (PrivateLog log : effect.effects().privateLogs()) {
          List<TaggedPrivateLog> tagged = logsByTag.get(log.tag());
          if (tagged != null) {
            tagged.removeIf(t -> t.blockNumber() == block.number());
            if (tagged.isEmpty()) {
              logsByTag.remove(log.tag());
            }
          }
        }
      }
    }
    provenBlockNumber = Math.min(provenBlockNumber, blockNumber);
  }

  public void markProven(long blockNumber) {
    provenBlockNumber = Math.max(provenBlockNumber, blockNumber);
  }

  public long provenBlockNumber() {
    return provenBlockNumber;
  }

  /** Sets the height published on L1 (it may go down: an L1 reorg drops published blocks). */
  public void markPublished(long blockNumber) {
    publishedBlockNumber = blockNumber;
  }

  public long publishedBlockNumber() {
    return publishedBlockNumber;
  }

  public Optional<Long> blockNumberOf(Fr blockHash) {
    return Optional.ofNullable(blockNumbersByHash.get(blockHash));
  }

  public synchronized Optional<IndexedTxEffect> txEffect(TxHash hash) {
    TxLocation location = txs.get(hash);
    if (location == null) {
      return Optional.empty();
    }
    L2Block block = blocks.get((int) location.blockNumber() - 1);
    return Optional.of(new IndexedTxEffect(block.number(), block.hash(), location.txIndex(),
        block.txEffects().get(location.txIndex())));
  }

  public Optional<Long> noteHashLeafIndex(Fr noteHash) {
    return Optional.ofNullable(noteHashLeafIndexes.get(noteHash));
  }

  public synchronized List<TaggedPrivateLog> logsByTag(Fr tag, int max) {
    List<TaggedPrivateLog> logs = logsByTag.getOrDefault(tag, List.of());
    return List.copyOf(logs.subList(0, Math.min(max, logs.size())));
  }
}

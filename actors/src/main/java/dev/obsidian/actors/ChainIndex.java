package dev.obsidian.actors;

import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.tx.PrivateLog;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lookups over the built chain for queries: blocks by number, txs by hash, block hashes, note hash leaf indexes and
 * private logs by tag. Fed each block once it is applied to the trees (one writer: the sequencer's flow; many
 * readers; thread-safe).
 *
 * <p>With a {@link ChainReadModel} (the node), the durable answers come from its H2 tables, which a projection of the
 * sequencer's journal fills; this index holds in memory only the <em>tail</em>: applied blocks the projection has not
 * committed yet (it drops them when told, {@link #committed}). So a restart reads only the journal after the
 * projection's offset, whatever the chain's length. Without one (unit tests) every block stays in memory.
 *
 * <p>Answers never run ahead of the trees: a block the read model already holds but the world state has not applied
 * yet ({@link #latestBlockNumber()}) is not served.
 */
public final class ChainIndex implements AutoCloseable {
  record TxLocation(long blockNumber, int txIndex) {}

  private static final Comparator<ChainReadModel.LogLocation> LOG_ORDER = Comparator
      .comparingLong(ChainReadModel.LogLocation::blockNumber)
      .thenComparingInt(ChainReadModel.LogLocation::txIndex)
      .thenComparingInt(ChainReadModel.LogLocation::logIndex);

  /** Block hashes remembered after their blocks left memory (about 100 bytes each). */
  static final int RECENT_HASHES = 4_096;

  private record TailLog(ChainReadModel.LogLocation location, TaggedPrivateLog log) {}

  private final Optional<ChainReadModel> readModel;
  private final Optional<L2Block> genesis;
  private final Fr genesisHash;
  private final TreeMap<Long, L2Block> tail = new TreeMap<>();
  private final Map<Fr, Long> blockNumbersByHash = new ConcurrentHashMap<>();
  /**
   * Hashes of blocks that left memory, most recently used last: txs anchor on recent blocks, and asking the read model
   * for the anchor of every submitted tx cost about 8% of the node's CPU under load.
   */
  private final Map<Fr, Long> recentHashes = new java.util.LinkedHashMap<>(RECENT_HASHES, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Fr, Long> eldest) {
      return size() > RECENT_HASHES;
    }
  };
  private final Map<TxHash, TxLocation> txs = new ConcurrentHashMap<>();
  private final Map<Fr, Long> noteHashLeafIndexes = new ConcurrentHashMap<>();
  private final Map<Fr, List<TailLog>> logsByTag = new ConcurrentHashMap<>();
  private final Map<Fr, Long> l1ToL2MessageLeafIndexes = new ConcurrentHashMap<>();
  private volatile long latestBlockNumber;
  private volatile L2Block latest;
  /** Highest block whose read-model rows are committed (0 without a read model). */
  private long committedBlockNumber;
  private volatile long provenBlockNumber;
  private volatile long publishedBlockNumber;

  /** An in-memory index that knows the genesis block by its hash only ({@link #block}(0) is empty). */
  public ChainIndex(Fr genesisBlockHash) {
    this(Optional.empty(), genesisBlockHash, Optional.empty(), null);
  }

  /** An in-memory index that also serves the genesis block (header, archive, no txs) as block 0. */
  public ChainIndex(L2Block genesisBlock) {
    this(Optional.of(requireGenesis(genesisBlock)), genesisBlock.hash(), Optional.empty(), null);
  }

  /**
   * An index over {@code readModel}, whose committed rows reach block {@code progress.lastBlockNumber()}; the blocks
   * after it are {@link #add}ed next (from the journal, then by the sequencer).
   */
  public ChainIndex(L2Block genesisBlock, ChainReadModel readModel, ChainReadModel.Progress progress) {
    this(Optional.of(requireGenesis(genesisBlock)), genesisBlock.hash(), Optional.of(readModel),
        progress.lastBlockNumber() == 0 ? null : readModel.block(progress.lastBlockNumber()).orElseThrow(() ->
            new IllegalStateException("the read model's progress names block " + progress.lastBlockNumber()
                + " but it does not hold it")));
    committedBlockNumber = progress.lastBlockNumber();
    provenBlockNumber = progress.provenBlockNumber();
  }

  private ChainIndex(Optional<L2Block> genesis, Fr genesisHash, Optional<ChainReadModel> readModel, L2Block latest) {
    this.genesis = genesis;
    this.genesisHash = genesisHash;
    this.readModel = readModel;
    this.latest = latest;
    this.latestBlockNumber = latest == null ? 0 : latest.number();
    blockNumbersByHash.put(genesisHash, 0L);
  }

  private static L2Block requireGenesis(L2Block genesisBlock) {
    if (genesisBlock.number() != 0 || !genesisBlock.txEffects().isEmpty()) {
      throw new IllegalArgumentException("the genesis block is block 0 without txs, got block " + genesisBlock.number());
    }
    return genesisBlock;
  }

  public long latestBlockNumber() {
    return latestBlockNumber;
  }

  public long latestTimestampSeconds() {
    L2Block last = latest;
    return last == null ? 0 : last.header().globals().timestampSeconds();
  }

  public Optional<L2Block> block(long number) {
    if (number == 0) {
      return genesis;
    }
    if (number < 1 || number > latestBlockNumber) {
      return Optional.empty();
    }
    synchronized (this) {
      L2Block inTail = tail.get(number);
      if (inTail != null) {
        return Optional.of(inTail);
      }
    }
    return readModel.flatMap(model -> model.block(number));
  }

  public Fr latestBlockHash() {
    L2Block last = latest;
    return last == null ? Constants.GENESIS_BLOCK_HEADER_HASH : last.hash();
  }

  /** Appends the next block; blocks arrive in order exactly once (an older one is ignored, a gap is refused). */
  public synchronized void add(L2Block block) {
    long expected = latestBlockNumber + 1;
    if (block.number() < expected) {
      return;
    }
    if (block.number() > expected) {
      throw new IllegalStateException("block index expected block " + expected + " but got " + block.number());
    }
    if (block.number() > committedBlockNumber) {
      tail.put(block.number(), block);
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
    latest = block;
    latestBlockNumber = block.number();
  }

  /** The first leaf of the block's L1->L2 message subtree (every block appends one, empty or not). */
  static long firstL1ToL2MessageLeaf(L2Block block) {
    return block.header().state().l1ToL2MessageTree().size() - (1L << Constants.L1_TO_L2_MSG_SUBTREE_HEIGHT);
  }

  /** The leaf index of an L1->L2 message (its hash) in the message tree, if an applied block inserted it. */
  public Optional<Long> l1ToL2MessageLeafIndex(Fr message) {
    Long inMemory = l1ToL2MessageLeafIndexes.get(message);
    if (inMemory != null) {
      return Optional.of(inMemory);
    }
    long applied = latestBlockNumber;
    return readModel.flatMap(model -> model.l1ToL2MessageLeaf(message))
        .filter(found -> found[1] <= applied).map(found -> found[0]);
  }

  /**
   * Forgets every block after {@code blockNumber} and what was indexed from them (a node following L1 after a reorg
   * took them away, or L1 refused them).
   */
  public synchronized void truncateAfter(long blockNumber) {
    if (blockNumber < 0) {
      throw new IllegalArgumentException("blockNumber must not be negative, got " + blockNumber);
    }
    if (blockNumber < committedBlockNumber) {
      // the read model's rows above blockNumber go when its projection reaches the rollback event; until then
      // answers from it are cut at the applied height, and hashes it remembered are forgotten here
      committedBlockNumber = blockNumber;
      synchronized (recentHashes) {
        recentHashes.values().removeIf(number -> number > blockNumber);
      }
    }
    while (!tail.isEmpty() && tail.lastKey() > blockNumber) {
      L2Block block = tail.pollLastEntry().getValue();
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
          List<TailLog> logs = logsByTag.get(log.tag());
          if (logs != null) {
            logs.removeIf(entry -> entry.location().blockNumber() == block.number());
            if (logs.isEmpty()) {
              logsByTag.remove(log.tag());
            }
          }
        }
      }
    }
    if (latestBlockNumber > blockNumber) {
      latest = blockNumber == 0 ? null : block(blockNumber).orElseThrow();
      latestBlockNumber = blockNumber;
    }
    provenBlockNumber = Math.min(provenBlockNumber, blockNumber);
  }

  private void indexTx(L2Block block, int txIndex, long firstLeaf) {
    TxEffect effect = block.txEffects().get(txIndex);
    txs.put(effect.txHash(), new TxLocation(block.number(), txIndex));
    List<Fr> noteHashes = effect.effects().noteHashes();
    for (int j = 0; j < noteHashes.size(); j++) {
      noteHashLeafIndexes.putIfAbsent(noteHashes.get(j), firstLeaf + j);
    }
    List<PrivateLog> logs = effect.effects().privateLogs();
    for (int j = 0; j < logs.size(); j++) {
      logsByTag.computeIfAbsent(logs.get(j).tag(), tag -> new ArrayList<>()).add(new TailLog(
          new ChainReadModel.LogLocation(block.number(), txIndex, j),
          new TaggedPrivateLog(effect.txHash(), block.number(), txIndex, logs.get(j), noteHashes)));
    }
  }

  /**
   * The read model has committed every block up to {@code blockNumber}: they are dropped from memory (reads now go to
   * the read model). Called by the projection after each committed block.
   */
  public synchronized void committed(long blockNumber) {
    if (readModel.isEmpty() || blockNumber <= committedBlockNumber) {
      return;
    }
    committedBlockNumber = blockNumber;
    while (!tail.isEmpty() && tail.firstKey() <= blockNumber) {
      L2Block block = tail.pollFirstEntry().getValue();
      Long number = blockNumbersByHash.remove(block.hash());
      synchronized (recentHashes) {
        recentHashes.put(block.hash(), number);
      }
      block.l1ToL2Messages().forEach(l1ToL2MessageLeafIndexes::remove);
      for (TxEffect effect : block.txEffects()) {
        txs.remove(effect.txHash());
        effect.effects().noteHashes().forEach(noteHashLeafIndexes::remove);
        for (PrivateLog log : effect.effects().privateLogs()) {
          List<TailLog> logs = logsByTag.get(log.tag());
          if (logs != null) {
            logs.removeIf(entry -> entry.location().blockNumber() <= blockNumber);
            if (logs.isEmpty()) {
              logsByTag.remove(log.tag());
            }
          }
        }
      }
    }
  }

  Optional<ChainReadModel> readModel() {
    return readModel;
  }

  /** Blocks held in memory (applied, not yet committed to the read model). */
  public synchronized int tailSize() {
    return tail.size();
  }

  public void markProven(long blockNumber) {
    synchronized (this) {
      provenBlockNumber = Math.max(provenBlockNumber, blockNumber);
    }
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
    Long inMemory = blockNumbersByHash.get(blockHash);
    if (inMemory != null) {
      return Optional.of(inMemory);
    }
    synchronized (recentHashes) {
      Long recent = recentHashes.get(blockHash);
      if (recent != null) {
        return Optional.of(recent);
      }
    }
    long applied = latestBlockNumber;
    Optional<Long> stored = readModel.flatMap(model -> model.blockNumberOf(blockHash)).filter(number -> number <= applied);
    stored.ifPresent(number -> {
      synchronized (recentHashes) {
        recentHashes.put(blockHash, number);
      }
    });
    return stored;
  }

  public Optional<IndexedTxEffect> txEffect(TxHash hash) {
    TxLocation location = txs.get(hash);
    if (location == null) {
      long applied = latestBlockNumber;
      location = readModel.flatMap(model -> model.txLocation(hash))
          .filter(found -> found[0] <= applied)
          .map(found -> new TxLocation(found[0], (int) found[1]))
          .orElse(null);
    }
    if (location == null) {
      return Optional.empty();
    }
    TxLocation found = location;
    return block(found.blockNumber()).map(block -> new IndexedTxEffect(block.number(), block.hash(), found.txIndex(),
        block.txEffects().get(found.txIndex())));
  }

  /** The including block of each of {@code hashes} this index knows: memory first, then one read-model query. */
  public Map<TxHash, Long> inclusionBlocks(java.util.Collection<TxHash> hashes) {
    Map<TxHash, Long> found = new java.util.HashMap<>();
    List<TxHash> rest = new ArrayList<>();
    for (TxHash hash : hashes) {
      TxLocation location = txs.get(hash);
      if (location != null) {
        found.put(hash, location.blockNumber());
      } else {
        rest.add(hash);
      }
    }
    if (readModel.isPresent() && !rest.isEmpty()) {
      long applied = latestBlockNumber;
      readModel.get().txBlocks(rest).forEach((hash, block) -> {
        if (block <= applied) {
          found.put(hash, block);
        }
      });
    }
    return found;
  }

  /** The leaf index of a note hash's first insertion. */
  public Optional<Long> noteHashLeafIndex(Fr noteHash) {
    long applied = latestBlockNumber;
    Optional<Long> stored = readModel.flatMap(model -> model.noteHashLeaf(noteHash))
        .filter(found -> found[1] <= applied).map(found -> found[0]);
    return stored.isPresent() ? stored : Optional.ofNullable(noteHashLeafIndexes.get(noteHash));
  }

  public List<TaggedPrivateLog> logsByTag(Fr tag, int max) {
    TreeMap<ChainReadModel.LogLocation, TaggedPrivateLog> found = new TreeMap<>(LOG_ORDER);
    synchronized (this) {
      for (TailLog entry : logsByTag.getOrDefault(tag, List.of())) {
        found.put(entry.location(), entry.log());
      }
    }
    if (readModel.isPresent()) {
      for (ChainReadModel.LogLocation location : readModel.get().logLocations(tag, latestBlockNumber, max)) {
        if (!found.containsKey(location)) {
          block(location.blockNumber()).ifPresent(block -> {
            TxEffect effect = block.txEffects().get(location.txIndex());
            found.put(location, new TaggedPrivateLog(effect.txHash(), block.number(), location.txIndex(),
                effect.effects().privateLogs().get(location.logIndex()), effect.effects().noteHashes()));
          });
        }
      }
    }
    return found.values().stream().limit(max).toList();
  }

  /** Closes the read model (after the actor system has stopped). */
  @Override
  public void close() {
    readModel.ifPresent(ChainReadModel::close);
  }
}

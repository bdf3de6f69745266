package dev.obsidian.actors;

import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.config.ObsidianSettings;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.ProtocolHashes;
import dev.obsidian.merkle.IndexedLeaf;
import dev.obsidian.merkle.LeafWitness;
import dev.obsidian.merkle.PublicDataLeaf;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.WorldStateReader;
import dev.obsidian.merkle.WorldStateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;

/** {@link NodeApi} backed by the node's actors; made by {@link NodeGuardian#start}. Close it to stop the node. */
public final class ActorNode implements NodeApi, AutoCloseable {
  static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);
  private static final String VERSION = "0.1.0-SNAPSHOT";

  private final ActorSystem<Void> system;
  private final WorldStateStore store;
  private final ChainIndex index;
  /** Null on a follower (no mempool, no sequencer: it rebuilds the chain from L1). */
  private final ActorRef<Mempool.Command> mempool;
  private final ActorRef<WorldState.Command> worldState;
  private final ActorRef<Sequencer.Command> sequencer;
  private final ObsidianSettings settings;
  private final DataDirLock lock;
  private final L1Wiring l1;
  private final L1Publisher publisher;
  private volatile StartupTimings startupTimings = new StartupTimings();

  ActorNode(ActorSystem<Void> system, WorldStateStore store, ChainIndex index, ActorRef<Mempool.Command> mempool,
      ActorRef<WorldState.Command> worldState, ActorRef<Sequencer.Command> sequencer, ObsidianSettings settings,
      DataDirLock lock, L1Wiring l1, L1Publisher publisher) {
    this.system = system;
    this.store = store;
    this.index = index;
    this.mempool = mempool;
    this.worldState = worldState;
    this.sequencer = sequencer;
    this.settings = settings;
    this.lock = lock;
    this.l1 = l1;
    this.publisher = publisher;
  }

  /** How long each step of the start took (journal read, store, index, ...). */
  public StartupTimings startupTimings() {
    return startupTimings;
  }

  /** Applied blocks the read-model projection has not committed yet (held in memory until it has). */
  public int unprojectedBlocks() {
    return index.tailSize();
  }

  ChainIndex chainIndex() {
    return index;
  }

  void startupTimings(StartupTimings timings) {
    this.startupTimings = timings;
  }

  /** Mailbox lengths and handling times of the node's actors, for metrics. */
  public ActorStats actorStats() {
    return ActorStats.of(system);
  }

  /** Journal write latency, for metrics. */
  public dev.obsidian.persistence.JournalStats journalStats() {
    return dev.obsidian.persistence.JournalStats.of(system.classicSystem());
  }

  /** True for a node started by {@link NodeGuardian#startFollower}: it follows L1 and accepts no txs. */
  public boolean isFollower() {
    return mempool == null;
  }

  private static final String FOLLOWER_REFUSES_TXS =
      "this node follows L1 (follower mode) and accepts no transactions: send them to the sequencer's node";

  /** The sequencer's slot phase and heights, for status commands and tests. */
  public CompletionStage<Sequencer.Status> sequencerStatus() {
    if (sequencer == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("a follower node runs no sequencer"));
    }
    return AskPattern.ask(sequencer, Sequencer.GetStatus::new, ASK_TIMEOUT, system.scheduler());
  }

  @Override
  public CompletionStage<Long> getBlockNumber() {
    return done(index.latestBlockNumber());
  }

  @Override
  public CompletionStage<Long> getProvenBlockNumber() {
    return done(index.provenBlockNumber());
  }

  /** Highest block published on L1 with the publisher's confirmations (0 without L1). */
  public long publishedBlockNumber() {
    return index.publishedBlockNumber();
  }

  @Override
  public CompletionStage<L2Tips> getL2Tips() {
    long proposed = index.latestBlockNumber();
    long published = Math.min(index.publishedBlockNumber(), proposed);
    long proven = Math.min(index.provenBlockNumber(), proposed);
    return done(new L2Tips(tip(proposed), tip(published), tip(proven), tip(Math.min(proven, published))));
  }

  private L2Tips.BlockId tip(long number) {
    Fr hash = number == 0 ? Constants.GENESIS_BLOCK_HEADER_HASH
        : index.block(number).map(L2Block::hash).orElse(Fr.ZERO);
    return new L2Tips.BlockId(number, hash);
  }

  @Override
  public CompletionStage<Optional<L1Publisher.PublisherStats>> getL1PublisherStats() {
    return done(publisher.stats());
  }

  @Override
  public CompletionStage<Optional<L2Block>> getBlock(long number) {
    return done(index.block(number));
  }

  @Override
  public CompletionStage<List<L2Block>> getBlocks(long from, int limit) {
    if (limit < 1 || limit > MAX_BLOCKS_PER_REQUEST) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "limit must be in [1, " + MAX_BLOCKS_PER_REQUEST + "], got " + limit));
    }
    List<L2Block> blocks = new ArrayList<>();
    for (long n = Math.max(from, 1); n < from + limit; n++) {
      Optional<L2Block> block = index.block(n);
      if (block.isEmpty()) {
        break;
      }
      blocks.add(block.get());
    }
    return done(blocks);
  }

  @Override
  public CompletionStage<TxVerdict> sendTx(Tx tx) {
    if (isFollower()) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(FOLLOWER_REFUSES_TXS));
    }
    return AskPattern.ask(mempool, replyTo -> new Mempool.SubmitTx(tx, replyTo), ASK_TIMEOUT, system.scheduler());
  }

  @Override
  public CompletionStage<TxVerdict> isValidTx(Tx tx) {
    if (isFollower()) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(FOLLOWER_REFUSES_TXS));
    }
    return AskPattern.ask(mempool, replyTo -> new Mempool.CheckTx(tx, replyTo), ASK_TIMEOUT, system.scheduler());
  }

  @Override
  public CompletionStage<TxReceipt> getTxReceipt(TxHash txHash) {
    Optional<IndexedTxEffect> mined = index.txEffect(txHash);
    if (mined.isPresent()) {
      IndexedTxEffect effect = mined.get();
      TxStatus status = effect.blockNumber() <= index.provenBlockNumber() ? TxStatus.PROVEN : TxStatus.MINED;
      return done(new TxReceipt(txHash, status, Optional.empty(), Optional.of(effect.blockNumber()),
          Optional.of(effect.blockHash()), effect.effect().transactionFee()));
    }
    if (isFollower()) {
      return done(TxReceipt.unknown(txHash));
    }
    return AskPattern.ask(mempool, replyTo -> new Mempool.GetReceipt(txHash, replyTo), ASK_TIMEOUT, system.scheduler());
  }

  @Override
  public CompletionStage<Optional<IndexedTxEffect>> getTxEffect(TxHash txHash) {
    return done(index.txEffect(txHash));
  }

  @Override
  public CompletionStage<Integer> getPendingTxCount() {
    if (isFollower()) {
      return done(0);
    }
    return AskPattern.ask(mempool, Mempool.GetPendingCount::new, ASK_TIMEOUT, system.scheduler());
  }

  @Override
  public CompletionStage<Optional<MembershipWitness>> getNoteHashMembershipWitness(BlockParameter block, Fr noteHash) {
    Optional<Long> leafIndex = index.noteHashLeafIndex(noteHash);
    if (leafIndex.isEmpty()) {
      return done(Optional.empty());
    }
    long leaf = leafIndex.get();
    return read(block, reader -> leaf < reader.treeInfo(TreeId.NOTE_HASH).size()
        ? Optional.of(new MembershipWitness(leaf, reader.siblingPath(TreeId.NOTE_HASH, leaf)))
        : Optional.empty());
  }

  @Override
  public CompletionStage<Optional<MembershipWitness>> getL1ToL2MessageMembershipWitness(BlockParameter block,
      Fr message) {
    Optional<Long> leafIndex = index.l1ToL2MessageLeafIndex(message);
    if (leafIndex.isEmpty()) {
      return done(Optional.empty());
    }
    long leaf = leafIndex.get();
    return read(block, reader -> leaf < reader.treeInfo(TreeId.L1_TO_L2_MESSAGE).size()
        ? Optional.of(new MembershipWitness(leaf, reader.siblingPath(TreeId.L1_TO_L2_MESSAGE, leaf)))
        : Optional.empty());
  }

  @Override
  public CompletionStage<Optional<LeafWitness>> getNullifierMembershipWitness(BlockParameter block, Fr nullifier) {
    return read(block, reader -> reader.membershipWitness(TreeId.NULLIFIER, nullifier));
  }

  /** Empty when the nullifier is in the tree: then no low leaf proves it absent. */
  @Override
  public CompletionStage<Optional<LeafWitness>> getLowNullifierMembershipWitness(BlockParameter block, Fr nullifier) {
    return read(block, reader -> {
      LeafWitness low = reader.lowLeafWitness(TreeId.NULLIFIER, nullifier);
      return low.leaf().key().equals(nullifier) ? Optional.empty() : Optional.of(low);
    });
  }

  @Override
  public CompletionStage<Optional<LeafWitness>> getPublicDataWitness(BlockParameter block, Fr leafSlot) {
    return read(block, reader -> Optional.of(reader.lowLeafWitness(TreeId.PUBLIC_DATA, leafSlot)));
  }

  @Override
  public CompletionStage<Fr> getPublicStorageAt(BlockParameter block, AztecAddress contract, Fr slot) {
    Fr leafSlot = ProtocolHashes.computePublicDataTreeLeafSlot(contract, slot);
    return read(block, reader -> reader.membershipWitness(TreeId.PUBLIC_DATA, leafSlot)
        .map(LeafWitness::leaf).map(ActorNode::valueOf).orElse(Fr.ZERO));
  }

  private static Fr valueOf(IndexedLeaf leaf) {
    return ((PublicDataLeaf) leaf).value();
  }

  @Override
  public CompletionStage<List<List<TaggedPrivateLog>>> getPrivateLogsByTags(List<Fr> tags) {
    if (tags.size() > MAX_TAGS_PER_REQUEST) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "tags has " + tags.size() + " entries, at most " + MAX_TAGS_PER_REQUEST + " allowed"));
    }
    return done(tags.stream().map(tag -> index.logsByTag(tag, MAX_LOGS_PER_TAG)).toList());
  }

  @Override
  public CompletionStage<WorldStateSyncStatus> getWorldStateSyncStatus() {
    return done(new WorldStateSyncStatus(store.latestBlock(), index.latestBlockHash(), index.provenBlockNumber(),
        store.oldestAvailableBlock()));
  }

  @Override
  public CompletionStage<NodeInfo> getNodeInfo() {
    List<String> notes = new ArrayList<>(List.of("tx proofs are not verified (UncheckedProofVerifier)",
        settings.prover().enabled()
            ? "proving is on: a Groth16 base rollup proof per tx and a block-root proof per block, verified by the "
                + "node, then " + (publisher.checksProofs() ? "checked by the L1 Rollup in the proposal; a block is "
                + "proven once L1 accepted it" : "the block is proven (no L1 checks them here)")
            : "proving is off (obsidian.prover.enabled = false): blocks are published but never proven"));
    notes.addAll(l1.notes());
    return done(new NodeInfo(VERSION, settings.l1().chainId(), settings.node().rollupVersion(), "aztec-4.1.2-aligned",
        List.copyOf(notes)));
  }

  @Override
  public CompletionStage<Map<String, String>> getL1ContractAddresses() {
    return done(Map.copyOf(l1.contractAddresses().get()));
  }

  @Override
  public CompletionStage<Boolean> isReady() {
    return done(true);
  }

  private <T> CompletionStage<T> read(BlockParameter block, Function<WorldStateReader, T> reading) {
    return AskPattern.<WorldState.Command, StatusReply<T>>ask(worldState,
            replyTo -> new WorldState.Read<>(block, reading, replyTo), ASK_TIMEOUT, system.scheduler())
        .thenCompose(reply -> reply.isSuccess()
            ? CompletableFuture.completedFuture(reply.getValue())
            : CompletableFuture.failedFuture(new IllegalArgumentException(reply.getError().getMessage())));
  }

  /** A clean stop leaves the embedded journal compact, so that the next start opens it quickly. */
  private void compactEmbeddedJournal() {
    if (NodeGuardian.journalConfig(settings) instanceof dev.obsidian.persistence.JournalConfig.Embedded journal) {
      try {
        journal.compact();
      } catch (java.sql.SQLException | RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(ActorNode.class).warn("could not compact the journal at stop: {}", e.toString());
      }
    }
  }

  private static <T> CompletionStage<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }

  /** Stops the actors and the ActorSystem, then closes the store. */
  @Override
  public void close() {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the node did not stop within 30 s: " + e.getMessage(), e);
    } finally {
      try {
        store.close();
      } finally {
        try {
          index.close();
          compactEmbeddedJournal();
        } finally {
          lock.close();
        }
      }
    }
  }
}

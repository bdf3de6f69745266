package dev.obsidian.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.obsidian.actors.TxVerdict.Code;
import dev.obsidian.actors.TxVerdict.Rejected;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.HashedTx;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.WorldStateFork;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Txs decided in one journal write get the verdicts one-by-one submission would give them. */
class AdmissionBatchTest {
  private static final WorldStateFork GENESIS = WorldStateFork.inMemoryGenesis();
  private final RandomTxs txs = new RandomTxs(3, 31337, 1);

  private HashedTx tx(long priorityFee) {
    return HashedTx.of(txs.next(Constants.GENESIS_BLOCK_HEADER_HASH, GENESIS, new GasFees(priorityFee, priorityFee)));
  }

  private static Mempool.Screened screened(HashedTx tx) {
    return new Mempool.Screened(tx, Optional.empty(), true, null);
  }

  @Test
  void whenFullTheCheapestGoesEvenIfItWasAcceptedInTheSameBatch() {
    HashedTx old = tx(1);
    Mempool.State state = new Mempool.State(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), 0);
    Mempool.PendingTx pending = new Mempool.PendingTx(old.hash(), old.tx(), 0);
    state.pending().put(old.hash(), pending);
    TreeSet<Mempool.PendingTx> index = new TreeSet<>(Mempool.State.PRIORITY);
    index.add(pending);
    HashedTx five = tx(5);
    HashedTx three = tx(3);
    HashedTx four = tx(4);
    HashedTx two = tx(2);
    AdmissionBatch batch = new AdmissionBatch(state, index, 2);
    List.of(five, three, four, two).forEach(tx -> batch.decide(screened(tx)));
    String full = "evicted by a higher-fee tx while the mempool was full";
    assertEquals(List.of(
        new Mempool.TxAccepted(five.hash(), five.tx()),
        new Mempool.TxEvicted(old.hash(), full),
        new Mempool.TxAccepted(three.hash(), three.tx()),
        new Mempool.TxEvicted(three.hash(), full),
        new Mempool.TxAccepted(four.hash(), four.tx())), batch.events());
    List<TxVerdict> verdicts = batch.replies().stream().map(AdmissionBatch.Reply::verdict).toList();
    assertEquals(new TxVerdict.Accepted(three.hash()), verdicts.get(1));
    assertEquals(Code.MEMPOOL_FULL, assertInstanceOf(Rejected.class, verdicts.get(3)).code());
  }

  @Test
  void aDuplicateOrANullifierTakenEarlierInTheBatchIsRefused() {
    Mempool.State state = new Mempool.State(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), 0);
    HashedTx first = tx(1);
    Tx reuse = first.tx();
    TxEffects effects = new TxEffects(List.of(txs.field(), reuse.effects().txNullifier()), List.of(), List.of(), List.of(),
        List.of(), List.of());
    HashedTx spend = HashedTx.of(new Tx(reuse.anchorBlockHash(), reuse.chainId(), reuse.rollupVersion(), effects,
        List.of(), reuse.gasSettings(), reuse.feePayer(), reuse.expiration(), reuse.proof()));
    AdmissionBatch batch = new AdmissionBatch(state, new TreeSet<>(Mempool.State.PRIORITY), 10);
    List.of(first, first, spend).forEach(tx -> batch.decide(screened(tx)));
    assertEquals(List.of(new Mempool.TxAccepted(first.hash(), first.tx())), batch.events());
    List<TxVerdict> verdicts = batch.replies().stream().map(AdmissionBatch.Reply::verdict).toList();
    assertEquals(Code.DUPLICATE_TX, assertInstanceOf(Rejected.class, verdicts.get(1)).code());
    Rejected doubleSpend = assertInstanceOf(Rejected.class, verdicts.get(2));
    assertEquals(Code.DOUBLE_SPEND, doubleSpend.code());
    assertEquals("effects.nullifiers[1]", doubleSpend.field());
  }
}

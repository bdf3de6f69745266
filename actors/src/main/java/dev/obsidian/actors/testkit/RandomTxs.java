package dev.obsidian.actors.testkit;

import dev.obsidian.actors.tx.Expiration;
import dev.obsidian.actors.tx.Gas;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.GasSettings;
import dev.obsidian.actors.tx.PrivateLog;
import dev.obsidian.actors.tx.PublicDataWrite;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.WorldStateReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Valid random transactions for tests and the load test, deterministic from a seed: the same seed and calls give the
 * same txs. Nullifiers and slots are random field elements, checked absent from the given world state; every tx
 * anchors on the given block hash.
 */
public final class RandomTxs {
  /** Fee every generated tx offers: above the node's default minimum. */
  public static final GasFees DEFAULT_FEES = new GasFees(1, 1);

  private final SplittableRandom random;
  private final long chainId;
  private final long rollupVersion;
  private int maxNoteHashes = 4;
  private int maxExtraNullifiers = 2;
  private int maxPublicWrites = 2;
  private int maxPrivateLogs = 2;

  public RandomTxs(long seed, long chainId, long rollupVersion) {
    this.random = new SplittableRandom(seed);
    this.chainId = chainId;
    this.rollupVersion = rollupVersion;
  }

  /** Upper bounds on how many of each effect a tx gets (each at least 0; nullifiers always include the tx's own). */
  public RandomTxs withMaxEffects(int noteHashes, int extraNullifiers, int publicWrites, int privateLogs) {
    this.maxNoteHashes = noteHashes;
    this.maxExtraNullifiers = extraNullifiers;
    this.maxPublicWrites = publicWrites;
    this.maxPrivateLogs = privateLogs;
    return this;
  }

  /** A tx anchored on {@code anchorBlockHash} whose nullifiers are absent from {@code state}. */
  public Tx next(Fr anchorBlockHash, WorldStateReader state) {
    return next(anchorBlockHash, state, DEFAULT_FEES);
  }

  public Tx next(Fr anchorBlockHash, WorldStateReader state, GasFees priorityFees) {
    TxEffects effects = new TxEffects(
        freshNullifiers(1 + random.nextInt(maxExtraNullifiers + 1), state),
        fields(random.nextInt(maxNoteHashes + 1)),
        writes(random.nextInt(maxPublicWrites + 1)),
        List.of(),
        logs(random.nextInt(maxPrivateLogs + 1)),
        List.of());
    GasSettings gas = new GasSettings(new Gas(1_000_000, 1_000_000), Gas.ZERO, new GasFees(10, 10), priorityFees);
    return new Tx(anchorBlockHash, chainId, rollupVersion, effects, List.of(), gas, AztecAddress.of(1 + random.nextInt(1000)),
        Expiration.NEVER, new byte[0]);
  }

  /** A random nonzero field element. */
  public Fr field() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    Fr value = Fr.reduce(new BigInteger(1, bytes));
    return value.isZero() ? Fr.ONE : value;
  }

  private List<Fr> freshNullifiers(int count, WorldStateReader state) {
    List<Fr> nullifiers = new ArrayList<>(count);
    while (nullifiers.size() < count) {
      Fr candidate = field();
      if (!nullifiers.contains(candidate) && state.membershipWitness(TreeId.NULLIFIER, candidate).isEmpty()) {
        nullifiers.add(candidate);
      }
    }
    return nullifiers;
  }

  private List<Fr> fields(int count) {
    List<Fr> values = new ArrayList<>(count);
    while (values.size() < count) {
      Fr candidate = field();
      if (!values.contains(candidate)) {
        values.add(candidate);
      }
    }
    return values;
  }

  private List<PublicDataWrite> writes(int count) {
    return fields(count).stream().map(slot -> new PublicDataWrite(slot, field())).toList();
  }

  private List<PrivateLog> logs(int count) {
    List<PrivateLog> logs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      logs.add(new PrivateLog(fields(1 + random.nextInt(4))));
    }
    return logs;
  }
}

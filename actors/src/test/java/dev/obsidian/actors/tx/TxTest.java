package dev.obsidian.actors.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.WorldStateFork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TxTest {
  private static final WorldStateFork GENESIS = WorldStateFork.inMemoryGenesis();
  private static final Fr ANCHOR = Constants.GENESIS_BLOCK_HEADER_HASH;

  private static Tx sample(long seed) {
    return new RandomTxs(seed, 31337, 1).next(ANCHOR, GENESIS);
  }

  private static TxEffects effects(List<Fr> nullifiers, List<Fr> noteHashes) {
    return new TxEffects(nullifiers, noteHashes, List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void theSameSeedGivesTheSameTxsAndHashes() {
    assertEquals(sample(7), sample(7));
    assertEquals(sample(7).hash(), sample(7).hash());
    assertNotEquals(sample(7).hash(), sample(8).hash());
  }

  @Test
  void theHashCoversAztecsLayoutThenObsidiansExtension() {
    Tx tx = sample(1);
    List<Fr> fields = TxHashing.fields(tx);
    assertEquals(ANCHOR, fields.get(0));
    assertEquals(Fr.of(31337), fields.get(22)); // chainId after the 22 header fields
    assertEquals(tx.effects().noteHashes().isEmpty() ? Fr.ZERO : tx.effects().noteHashes().get(0), fields.get(34));
    assertEquals(tx.effects().txNullifier(), fields.get(34 + 64));
    assertEquals(tx.feePayer().toField(), fields.get(TxHashing.AZTEC_FIELDS - 2));
    int extension = 1 + 1 + 2 * tx.effects().publicDataWrites().size() + 1 + 1;
    assertEquals(TxHashing.AZTEC_FIELDS + extension, fields.size());
  }

  @Test
  void everyEffectChangesTheHash() {
    Tx tx = sample(2);
    TxEffects e = tx.effects();
    List<Fr> more = new ArrayList<>(e.noteHashes());
    more.add(Fr.of(12345));
    TxEffects changed = new TxEffects(e.nullifiers(), more, e.publicDataWrites(), e.l2ToL1Messages(), e.privateLogs(), e.publicLogs());
    Tx other = new Tx(tx.anchorBlockHash(), tx.chainId(), tx.rollupVersion(), changed, tx.publicCalls(),
        tx.gasSettings(), tx.feePayer(), tx.expiration(), tx.proof());
    assertNotEquals(tx.hash(), other.hash());
    Tx otherExpiry = new Tx(tx.anchorBlockHash(), tx.chainId(), tx.rollupVersion(), e, tx.publicCalls(),
        tx.gasSettings(), tx.feePayer(), new Expiration(5, 10), tx.proof());
    assertNotEquals(tx.hash(), otherExpiry.hash());
  }

  @Test
  void theProofIsNotPartOfTheHashButOfEquality() {
    Tx tx = sample(3);
    Tx proven = new Tx(tx.anchorBlockHash(), tx.chainId(), tx.rollupVersion(), tx.effects(), tx.publicCalls(),
        tx.gasSettings(), tx.feePayer(), tx.expiration(), new byte[] {1, 2});
    assertEquals(tx.hash(), proven.hash());
    assertNotEquals(tx, proven);
  }

  @Test
  void badEffectsNameTheirField() {
    var noNullifier = assertThrows(IllegalArgumentException.class, () -> effects(List.of(), List.of()));
    assertTrue(noNullifier.getMessage().startsWith("nullifiers must hold"), noNullifier.getMessage());
    var zero = assertThrows(IllegalArgumentException.class, () -> effects(List.of(Fr.ONE), List.of(Fr.ZERO)));
    assertEquals("noteHashes[0] is zero, which Aztec reads as an empty slot", zero.getMessage());
    var repeated = assertThrows(IllegalArgumentException.class, () -> effects(List.of(Fr.ONE, Fr.of(2), Fr.ONE), List.of()));
    assertTrue(repeated.getMessage().startsWith("nullifiers[2] repeats"), repeated.getMessage());
    var tooMany = assertThrows(IllegalArgumentException.class,
        () -> effects(List.of(Fr.ONE), Collections.nCopies(Constants.MAX_NOTE_HASHES_PER_TX + 1, Fr.ONE)));
    assertEquals("noteHashes has 65 entries, at most 64 allowed", tooMany.getMessage());
    var nullEntry = assertThrows(IllegalArgumentException.class, () -> effects(java.util.Arrays.asList(Fr.ONE, null), List.of()));
    assertEquals("nullifiers[1] must be present", nullEntry.getMessage());
  }

  @Test
  void sizesAndLimitsAreChecked() {
    var gas = assertThrows(IllegalArgumentException.class, () -> new Gas(-1, 0));
    assertTrue(gas.getMessage().startsWith("daGas must be in"));
    var log = assertThrows(IllegalArgumentException.class, () -> new PrivateLog(Collections.nCopies(17, Fr.ONE)));
    assertEquals("privateLog.fields has 17 entries, at most 16 allowed", log.getMessage());
    Tx tx = sample(4);
    assertEquals(32L * TxHashing.fields(tx).size(), tx.sizeBytes());
  }

  @Test
  void expirationBoundsBlockNumberAndTimestamp() {
    Expiration expiration = new Expiration(10, 1000);
    assertTrue(expiration.isExpiredAt(11, 0));
    assertTrue(expiration.isExpiredAt(1, 1001));
    assertEquals(false, expiration.isExpiredAt(10, 1000));
  }
}

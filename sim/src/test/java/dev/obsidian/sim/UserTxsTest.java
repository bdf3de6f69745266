package dev.obsidian.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.WorldStateFork;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UserTxsTest {
  private static final Fr ANCHOR = Constants.GENESIS_BLOCK_HEADER_HASH;
  private static WorldStateFork genesis;

  @BeforeAll
  static void openGenesis() {
    genesis = WorldStateFork.inMemoryGenesis();
  }

  @AfterAll
  static void closeGenesis() {
    genesis.close();
  }

  private static UserTxs user(long seed, int index, Set<Fr> claimed) {
    return new UserTxs(UserTxs.streamOf(seed, index, 31337, 1), genesis, claimed);
  }

  @Test
  void theSameSeedAndUserGiveTheSameTxsAndOtherUsersOthers() {
    List<Tx> first = List.of(user(9, 3, newSet()).next(ANCHOR), user(9, 3, newSet()).next(ANCHOR));
    assertEquals(first.get(0), first.get(1));
    assertNotEquals(first.get(0), user(9, 4, newSet()).next(ANCHOR));
    assertNotEquals(first.get(0), user(10, 3, newSet()).next(ANCHOR));
  }

  @Test
  void txsCarryTheAnchorTheChainAndNullifiersAbsentFromTheTreeAndClaimedOnce() {
    Set<Fr> claimed = newSet();
    UserTxs txs = user(1, 0, claimed);
    Set<Fr> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      Tx tx = txs.next(ANCHOR);
      assertEquals(ANCHOR, tx.anchorBlockHash());
      assertEquals(31337, tx.chainId());
      assertEquals(1, tx.rollupVersion());
      for (Fr nullifier : tx.effects().nullifiers()) {
        assertTrue(genesis.membershipWitness(TreeId.NULLIFIER, nullifier).isEmpty());
        assertTrue(seen.add(nullifier), "nullifier used twice: " + nullifier);
      }
    }
    assertEquals(seen, claimed);
  }

  @Test
  void aTxReusingAnotherUsersNullifierIsSkipped() {
    Set<Fr> claimed = newSet();
    RandomTxs twin = UserTxs.streamOf(5, 0, 31337, 1);
    Tx taken = twin.next(ANCHOR, genesis);
    Tx following = twin.next(ANCHOR, genesis);
    claimed.add(taken.effects().txNullifier());
    // the same stream: its first tx collides with a claimed nullifier, so the second is handed out
    assertEquals(following, user(5, 0, claimed).next(ANCHOR));
  }

  @Test
  void aStreamThatOnlyRepeatsItselfStopsLoudly() {
    Set<Fr> everything = new HashSet<>() {
      @Override
      public boolean add(Fr value) {
        return false;
      }
    };
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> user(1, 0, everything).next(ANCHOR));
    assertTrue(e.getMessage().contains("reused a nullifier"), e.getMessage());
  }

  private static Set<Fr> newSet() {
    return ConcurrentHashMap.newKeySet();
  }
}

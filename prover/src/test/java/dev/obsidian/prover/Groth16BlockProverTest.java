package dev.obsidian.prover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.BlockProver;
import dev.obsidian.actors.BlockProver.ProvingJob;
import dev.obsidian.actors.BlockProver.ProvingResult;
import dev.obsidian.actors.block.BlockBuilder;
import dev.obsidian.actors.block.BlockHeader;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.circuits.groth16.KeyStore;
import dev.obsidian.circuits.rollup.BlockRootCircuit;
import dev.obsidian.config.ProverSettings;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.l1.EffectsEncoding;
import dev.obsidian.merkle.WorldStateFork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance check the coordinator relies on: a real proof of a job passes, and it fails for anything else (other
 * public inputs, another job, a block that does not re-apply). Keys from the shared key directory.
 */
class Groth16BlockProverTest {
  private static Groth16BlockProver prover;

  @BeforeAll
  static void load() {
    KeyStore keys = new KeyStore(ProverSettings.defaults(true).resolvedKeyDir(System.getenv()), System.out);
    prover = Groth16BlockProver.load(keys, 2, 1, System.out);
  }

  private static L2Block block(int txs, long seed) {
    RandomTxs random = new RandomTxs(seed, 31337, 1).withMaxEffects(2, 1, 2, 0);
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      List<TxEffect> effects = new ArrayList<>();
      for (int i = 0; i < txs; i++) {
        Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, fork);
        BlockBuilder.apply(fork, tx.effects());
        effects.add(new TxEffect(tx.hash(), 0, tx.effects()));
      }
      return BlockBuilder.seal(fork, new GlobalVariables(31337, 1, 1, 1, 1_700_000_000L, EthAddress.ZERO,
          AztecAddress.ZERO, new GasFees(1, 1)), effects);
    }
  }

  private static List<ProvingJob> plan(L2Block block) {
    try (WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
      return prover.plan(genesis, BlockHeader.genesis(StateReference.of(genesis)), block);
    }
  }

  /** The base jobs of the block's txs, without its block root (which needs a key for its size). */
  private static List<ProvingJob> baseJobs(L2Block block) {
    try (WorldStateFork genesis = WorldStateFork.inMemoryGenesis()) {
      List<ProvingJob> jobs = new ArrayList<>();
      for (int i = 0; i < block.txEffects().size(); i++) {
        jobs.add(Groth16BlockProver.baseJob(genesis, 1, i,
            Groth16BlockProver.treeEffects(block.txEffects().get(i))));
      }
      return jobs;
    }
  }

  @Test
  void aOneTxBlockIsABaseAndABlockRootJobWhoseProofsPassAndBindTheBlock() {
    L2Block block = block(1, 3);
    List<ProvingJob> jobs = plan(block);
    assertEquals(List.of("base-rollup-2", "block-root-1"), jobs.stream().map(ProvingJob::circuit).toList());
    ProvingJob root = jobs.get(1);
    assertEquals(1, root.index());
    List<String> names = BlockRootCircuit.publicInputNames(1);
    // the block root's statement is the block's own: number, archives, header hash, end state
    assertEquals(Fr.of(1), root.expectedPublicInputs().get(names.indexOf("blockNumber")));
    assertEquals(block.header().lastArchive().root(), root.expectedPublicInputs().get(names.indexOf("lastArchive.root")));
    assertEquals(block.archive().root(), root.expectedPublicInputs().get(names.indexOf("archiveRoot")));
    assertEquals(block.hash(), root.expectedPublicInputs().get(names.indexOf("blockHash")));
    // and K is keccak256 of the calldata's tx effects mod r, as the Rollup computes it
    assertEquals(EffectsEncoding.effectsKey(EffectsEncoding.encode(block.txEffects())),
        root.expectedPublicInputs().get(names.indexOf("effectsKey")));
    for (ProvingJob job : jobs) {
      ProvingResult result = prover.prove(job);
      assertEquals(job.expectedPublicInputs(), result.publicInputs());
      assertTrue(prover.check(job, result).isEmpty(), job.circuit());
    }
  }

  @Test
  void aBlockLargerThanTheLoadedBlockRootsIsUnprovableNamingTheLimit() {
    BlockProver.UnprovableBlockException e = assertThrows(BlockProver.UnprovableBlockException.class,
        () -> plan(block(2, 5)));
    assertTrue(e.getMessage().contains("has 2 txs") && e.getMessage().contains("at most 1"), e.getMessage());
  }

  @Test
  void aProofPassesForItsJobAndFailsForOtherPublicInputsOrAnotherJob() {
    List<ProvingJob> jobs = baseJobs(block(2, 5));
    assertEquals(2, jobs.size());
    assertEquals("base-rollup-2", jobs.get(0).circuit());
    // consecutive jobs chain: job 1 starts where job 0 ends
    assertEquals(jobs.get(0).expectedPublicInputs().subList(6, 12), jobs.get(1).expectedPublicInputs().subList(0, 6));
    ProvingResult result = prover.prove(jobs.get(0));
    assertEquals(jobs.get(0).expectedPublicInputs(), result.publicInputs());
    assertTrue(prover.check(jobs.get(0), result).isEmpty());

    String wrongJob = prover.check(jobs.get(1), result).orElseThrow();
    assertTrue(wrongJob.startsWith("public inputs"), wrongJob);
    // the same proof claiming job 1's public inputs: only the pairing can tell, and it does
    ProvingResult relabelled = new ProvingResult(result.circuit(), result.proof(), jobs.get(1).expectedPublicInputs(),
        result.provingMillis());
    String forged = prover.check(jobs.get(1), relabelled).orElseThrow();
    assertTrue(forged.startsWith("the pairing check fails"), forged);
    byte[] garbage = result.proof();
    garbage[20] ^= 1;
    String broken = prover.check(jobs.get(0), new ProvingResult(result.circuit(), garbage, result.publicInputs(), 0))
        .orElseThrow();
    assertTrue(broken.startsWith("proof does not decode") || broken.startsWith("the pairing check fails"), broken);
  }

  @Test
  void aBlockThatDoesNotReapplyToItsRootsIsRefusedWhenPlanning() {
    L2Block good = block(1, 9);
    L2Block lying = new L2Block(good.header(), new dev.obsidian.merkle.TreeInfo(Fr.of(12345), good.archive().size()),
        good.txEffects());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> plan(lying));
    assertTrue(e.getMessage().contains("archive mismatch"), e.getMessage());
  }

  @Test
  void aJobForAVariantWithoutKeysFailsNamingTheSetting() {
    ProvingJob job = new ProvingJob(1, 0, "base-rollup-8", List.of(), List.of(), List.of());
    assertTrue(prover.cannotProve(job).orElseThrow().contains("max-base-capacity = 2"));
    assertTrue(prover.cannotProve(plan(block(1, 9)).get(0)).isEmpty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> prover.prove(job));
    assertTrue(e.getMessage().contains("obsidian.prover.max-base-capacity = 2"), e.getMessage());
  }

  @Test
  void aTxBeyondTheLoadedVariantsIsNotProvableNamingTheSetting() {
    TxEffects small = block(1, 9).txEffects().get(0).effects();
    assertTrue(prover.cannotProveTx(small).isEmpty(), "a tx of the test's sizes fits base-rollup-2");
    TxEffects three = new TxEffects(small.nullifiers(), List.of(Fr.of(11), Fr.of(12), Fr.of(13)),
        small.publicDataWrites(), small.l2ToL1Messages(), small.privateLogs(), small.publicLogs());
    String reason = prover.cannotProveTx(three).orElseThrow();
    assertTrue(reason.contains("3 note hashes") && reason.contains("max-base-capacity = 2"), reason);
  }
}

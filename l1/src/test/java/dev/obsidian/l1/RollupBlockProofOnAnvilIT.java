package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Sha;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.merkle.TreeId;
import dev.obsidian.merkle.WorldStateFork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The Rollup with real block proofs on a real Anvil: our prover proves the block root (block-root-1) and one
 * base-rollup-2 per tx, the Rollup checks data availability and verifies them in one batched pairing check.
 * Slow (dev setups take minutes on this machine the first time; keys are kept in the per-user key store), hence an IT:
 * {@code ./mvnw -pl l1 -am verify -Dit.test=RollupBlockProofOnAnvilIT}. Larger blocks for the gas table are opt-in:
 * {@code -Dobsidian.blockproof.txs=4,16} (each needs its block-root variant's setup and one base proof per tx).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupBlockProofOnAnvilIT {
  private AnvilFixture l1;
  private RealBlockProofs proofs;
  private final TestBlocks blocks = new TestBlocks(2026_12_05);

  @BeforeAll
  void setUp() {
    l1 = new AnvilFixture();
    proofs = new RealBlockProofs(List.of(1));
  }

  @AfterAll
  void tearDown() {
    l1.close();
  }

  private RollupClient deploy(RealBlockProofs keys) {
    L1Contracts contracts = Deployer.deployCheckingBlockProofs(l1.sequencer, options(),
        keys.rootKeys.stream().map(k -> k.verifyingKey()).toList(), keys.rootCapacities,
        List.of(keys.baseKey.verifyingKey()));
    return new RollupClient(l1.sequencer, contracts.rollup());
  }

  private Deployer.Options options() {
    return new Deployer.Options(l1.sequencer.sender(), Constants.GENESIS_ARCHIVE_ROOT, 1, 0,
        Deployer.DEFAULT_MAX_EFFECTS_BYTES, Fr.of(0xb41d6e));
  }

  private RealBlockProofs.ProvenBlock proveOnGenesis(RealBlockProofs keys, List<TxEffect> txs, Fr inHash,
      int rootVariant, long seed) {
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      assertEquals(Constants.GENESIS_ARCHIVE_ROOT, fork.treeInfo(TreeId.ARCHIVE).root());
      return keys.prove(fork, RealBlockProofs.genesisHeader(fork), 1, txs, inHash, rootVariant, seed);
    }
  }

  @Test
  void aValidOneTxBlockIsProvenAndTamperedOnesRevertWithNamedErrors() {
    RollupClient rollup = deploy(proofs);
    Fr inHash = rollup.inboxRoot(1);
    RealBlockProofs.ProvenBlock block = proveOnGenesis(proofs, List.of(blocks.transfer(List.of())), inHash, 0, 1);
    ProposedHeader header = block.header();

    // a tampered effects byte (header's effects hash updated to match): K, hence z, changes and y no longer fits
    byte[] tampered = block.effects().clone();
    tampered[tampered.length - 1] ^= 1;
    RollupOnAnvilTest.assertRevert("Rollup__InvalidEffectsEvaluation", () -> rollup.propose(
        header.withEffectsHash(Sha.sha256ToField(tampered)), tampered, block.proof()));
    // a wrong y
    RollupOnAnvilTest.assertRevert("Rollup__InvalidEffectsEvaluation", () -> rollup.propose(header,
        block.effects(), BlockProofCalldata.rollupProof(block.commitment(), block.evaluation().add(Fr.ONE),
            block.batch().encode())));
    // a swapped base proof: a valid base proof of another tx from the same start state
    RealBlockProofs.ProvenBlock other = proveOnGenesis(proofs, List.of(blocks.transfer(List.of())), inHash, 0, 2);
    BlockProofCalldata.Batch swapped = withBaseProofs(block.batch(), other.batch().baseProofs());
    RollupOnAnvilTest.assertRevert("Rollup__InvalidProof", () -> rollup.propose(header, block.effects(),
        BlockProofCalldata.rollupProof(block.commitment(), block.evaluation(), swapped.encode())));
    // a broken root chain: the block claimed to start from another note hash tree size
    List<Fr> start = new ArrayList<>(block.batch().start());
    start.set(1, start.get(1).add(Fr.of(64)));
    BlockProofCalldata.Batch broken = new BlockProofCalldata.Batch(0, block.batch().rootProof(), start,
        block.batch().endSizes(), block.batch().txEffectsCommitments(), block.batch().intermediate(),
        block.batch().baseProofs());
    RollupOnAnvilTest.assertRevert("Rollup__InvalidProof", () -> rollup.propose(header, block.effects(),
        BlockProofCalldata.rollupProof(block.commitment(), block.evaluation(), broken.encode())));
    // no base proof for the block's tx
    RollupOnAnvilTest.assertRevert("BlockProofVerifier__WrongBaseProofCount", () -> rollup.propose(header,
        block.effects(), BlockProofCalldata.rollupProof(block.commitment(), block.evaluation(),
            withBaseProofs(block.batch(), List.of()).encode())));
    assertEquals(0, rollup.pendingBlockNumber());

    TransactionReceipt receipt = rollup.propose(header, block.effects(), block.proof());
    assertTrue(receipt.isStatusOK());
    assertEquals(1, rollup.provenBlockNumber());
    System.out.printf("propose gas with proof checking (block-root-1 + 1 base-rollup-2, one batched pairing): "
        + "1 tx: %,d gas (%d effects bytes, %d proof bytes)%n", receipt.getGasUsed(), block.effects().length,
        block.proof().length);
  }

  @Test
  void reportsProposeGasForLargerBlocksWhenAsked() {
    String sizes = System.getProperty("obsidian.blockproof.txs", "");
    if (sizes.isBlank()) {
      System.out.println("larger blocks skipped: pass -Dobsidian.blockproof.txs=4,16 to prove and measure them");
      return;
    }
    for (String size : sizes.split(",")) {
      int txCount = Integer.parseInt(size.trim());
      RealBlockProofs keys = new RealBlockProofs(List.of(txCount));
      RollupClient rollup = deploy(keys);
      RealBlockProofs.ProvenBlock block = proveOnGenesis(keys, blocks.transfers(txCount), rollup.inboxRoot(1), 0,
          txCount);
      if (txCount >= 2) {
        List<BlockProofCalldata.BaseProof> reordered = new ArrayList<>(block.batch().baseProofs());
        reordered.set(0, block.batch().baseProofs().get(1));
        reordered.set(1, block.batch().baseProofs().get(0));
        RollupOnAnvilTest.assertRevert("Rollup__InvalidProof", () -> rollup.propose(block.header(), block.effects(),
            BlockProofCalldata.rollupProof(block.commitment(), block.evaluation(),
                withBaseProofs(block.batch(), reordered).encode())));
        List<List<Fr>> intermediate = new ArrayList<>(block.batch().intermediate());
        List<Fr> link = new ArrayList<>(intermediate.get(0));
        link.set(0, link.get(0).add(Fr.ONE));
        intermediate.set(0, link);
        BlockProofCalldata.Batch broken = new BlockProofCalldata.Batch(0, block.batch().rootProof(),
            block.batch().start(), block.batch().endSizes(), block.batch().txEffectsCommitments(), intermediate,
            block.batch().baseProofs());
        RollupOnAnvilTest.assertRevert("Rollup__InvalidProof", () -> rollup.propose(block.header(), block.effects(),
            BlockProofCalldata.rollupProof(block.commitment(), block.evaluation(), broken.encode())));
      }
      TransactionReceipt receipt = rollup.propose(block.header(), block.effects(), block.proof());
      assertTrue(receipt.isStatusOK());
      assertEquals(1, rollup.provenBlockNumber());
      System.out.printf("propose gas with proof checking (block-root-%d + %d base-rollup-2, one batched pairing): "
          + "%d txs: %,d gas (%d effects bytes, %d proof bytes)%n", txCount, txCount, txCount, receipt.getGasUsed(),
          block.effects().length, block.proof().length);
    }
  }

  private static BlockProofCalldata.Batch withBaseProofs(BlockProofCalldata.Batch batch,
      List<BlockProofCalldata.BaseProof> baseProofs) {
    return new BlockProofCalldata.Batch(batch.rootVariant(), batch.rootProof(), batch.start(), batch.endSizes(),
        batch.txEffectsCommitments(), batch.intermediate(), baseProofs);
  }

  static byte[] flip(byte[] bytes, int index) {
    byte[] copy = Arrays.copyOf(bytes, bytes.length);
    copy[index] ^= 1;
    return copy;
  }
}

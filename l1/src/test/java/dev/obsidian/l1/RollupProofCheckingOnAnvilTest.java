package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.circuits.groth16.Proof;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A Rollup deployed with proof checking on and, as its IVerifier, a Groth16Verifier for a STAND-IN circuit whose 11
 * public inputs are the block statement (BlockStatement): the shape an aggregated block proof will have. These
 * proofs say nothing about the block's validity (RollupBlockProofOnAnvilTest uses the real block root and base
 * rollups); they show the Rollup's data-availability check and that it passes the right statement to its verifier.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupProofCheckingOnAnvilTest {
  private AnvilFixture l1;
  private StandInCircuit blockCircuit;
  private final TestBlocks blocks = new TestBlocks(11);

  @BeforeAll
  void setUp() {
    l1 = new AnvilFixture();
    blockCircuit = new StandInCircuit(BlockStatement.COUNT, "stand-in-block-proof");
  }

  @AfterAll
  void tearDown() {
    l1.close();
  }

  private RollupClient deployCheckingProofs() {
    L1Contracts contracts = Deployer.deployCheckingProofs(l1.sequencer, options(), blockCircuit.provingKey
        .verifyingKey());
    return new RollupClient(l1.sequencer, contracts.rollup());
  }

  private Deployer.Options options() {
    return new Deployer.Options(l1.sequencer.sender(), Constants.GENESIS_ARCHIVE_ROOT, 1, 0,
        Deployer.DEFAULT_MAX_EFFECTS_BYTES, Fr.of(0xb41d6e));
  }

  /** C is arbitrary for the stand-in; y is P(z) over the effects, as the block root would output it. */
  private byte[] proofFor(ProposedHeader.Proposal proposal, long seed) {
    Fr commitment = Fr.of(seed * 7919 + 1);
    Fr evaluation = BlockStatement.evaluation(proposal.effects(), commitment);
    Proof proof = blockCircuit.prove(BlockStatement.of(proposal.header(), proposal.effects(), commitment,
        evaluation), seed);
    return BlockProofCalldata.rollupProof(commitment, evaluation, Groth16VerifierContract.proofBytes(proof));
  }

  @Test
  void provesBlocksWhoseProofVerifies() {
    RollupClient rollup = deployCheckingProofs();
    assertTrue(rollup.proofCheckingEnabled());
    Fr archive = Constants.GENESIS_ARCHIVE_ROOT;
    for (long number = 1; number <= 2; number++) {
      ProposedHeader.Proposal proposal = blocks.proposal(number, archive, blocks.transfers(1),
          rollup.inboxRoot(number));
      Fr commitment = Fr.of(5);
      assertEquals(BlockStatement.of(proposal.header(), proposal.effects(), commitment,
          BlockStatement.evaluation(proposal.effects(), commitment)), onChainStatement(rollup, proposal, commitment));
      TransactionReceipt receipt = rollup.propose(proposal.header(), proposal.effects(), proofFor(proposal, number));
      assertTrue(receipt.isStatusOK());
      assertEquals(number, rollup.provenBlockNumber());
      assertEquals(number, rollup.pendingBlockNumber());
      archive = proposal.header().archiveRoot();
    }
  }

  @Test
  void revertsABlockWhoseProofIsForOtherInputs() {
    RollupClient rollup = deployCheckingProofs();
    ProposedHeader.Proposal proposal = blocks.proposal(1, Constants.GENESIS_ARCHIVE_ROOT, blocks.transfers(1),
        rollup.inboxRoot(1));
    ProposedHeader.Proposal other = blocks.proposal(1, Constants.GENESIS_ARCHIVE_ROOT, blocks.transfers(1),
        rollup.inboxRoot(1));
    // the other block's statement, with this block's data-availability values: the DA check passes, the proof not
    Fr commitment = Fr.of(3 * 7919 + 1);
    Fr evaluation = BlockStatement.evaluation(proposal.effects(), commitment);
    Proof forOther = blockCircuit.prove(BlockStatement.of(other.header(), other.effects(), commitment,
        BlockStatement.evaluation(other.effects(), commitment)), 3);
    L1RevertException revert = RollupOnAnvilTest.assertRevert("Rollup__InvalidProof",
        () -> rollup.propose(proposal.header(), proposal.effects(), BlockProofCalldata.rollupProof(commitment,
            evaluation, Groth16VerifierContract.proofBytes(forOther))));
    assertEquals(List.of("blockNumber=1"), revert.arguments());
    RollupOnAnvilTest.assertRevert("Rollup__InvalidEffectsEvaluation",
        () -> rollup.propose(proposal.header(), proposal.effects(), BlockProofCalldata.rollupProof(commitment,
            evaluation.add(Fr.ONE), Groth16VerifierContract.proofBytes(forOther))));
    RollupOnAnvilTest.assertRevert("Groth16Verifier__InvalidProofLength",
        () -> rollup.propose(proposal.header(), proposal.effects(), BlockProofCalldata.rollupProof(commitment,
            evaluation, new byte[0])));
    assertEquals(0, rollup.pendingBlockNumber());
    assertEquals(0, rollup.provenBlockNumber());
  }

  @Test
  void refusesAKeyWithTheWrongNumberOfInputs() {
    StandInCircuit six = new StandInCircuit(6, "six");
    assertThrows(IllegalArgumentException.class,
        () -> Deployer.deployCheckingProofs(l1.sequencer, options(), six.provingKey.verifyingKey()));
  }

  @Test
  void reportsProposeGasWithAndWithoutProofChecking() {
    RollupClient checking = deployCheckingProofs();
    RollupClient unchecked = new RollupClient(l1.sequencer, Deployer.deploy(l1.sequencer, options()).rollup());
    StringBuilder report = new StringBuilder("propose gas, 1-tx block (2 nullifiers, 2 note hashes, 1 public write,"
        + " 2 private logs of 16 fields):");
    ProposedHeader.Proposal proposal = blocks.proposal(1, Constants.GENESIS_ARCHIVE_ROOT, blocks.transfers(1),
        checking.inboxRoot(1));
    long without = unchecked.propose(proposal.header(), proposal.effects(), new byte[0]).getGasUsed()
        .longValueExact();
    long with = checking.propose(proposal.header(), proposal.effects(), proofFor(proposal, 9)).getGasUsed()
        .longValueExact();
    assertEquals(1, checking.provenBlockNumber());
    report.append(String.format(" without proof checking %,d; with (one stand-in proof of the 11-value statement, DA check included) %,d; difference %,d",
        without, with, with - without));
    System.out.println(report);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private List<Fr> onChainStatement(RollupClient rollup, ProposedHeader.Proposal proposal, Fr commitment) {
    Fr evaluation = BlockStatement.evaluation(proposal.effects(), commitment);
    List<Type> arguments = new java.util.ArrayList<>(proposal.header().abiComponents());
    arguments.add(new org.web3j.abi.datatypes.DynamicBytes(EffectsEncoding.txEffects(proposal.effects())));
    arguments.add(new org.web3j.abi.datatypes.generated.Uint256(commitment.toBigInteger()));
    arguments.add(new org.web3j.abi.datatypes.generated.Uint256(evaluation.toBigInteger()));
    byte[] returned = l1.sequencer.call(rollup.address(), Abi.call("blockStatement(" + ProposedHeader.ABI_TUPLE
        + ",bytes,uint256,uint256)", arguments), "Rollup.blockStatement");
    List<Type> values = (List<Type>) Abi.decode(returned, "uint256[]").get(0).getValue();
    return values.stream().map(value -> Fr.fromBigInteger((BigInteger) value.getValue())).toList();
  }
}

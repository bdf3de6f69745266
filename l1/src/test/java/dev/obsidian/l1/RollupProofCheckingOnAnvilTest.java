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
 * A Rollup deployed with proof checking on and a Groth16Verifier for a STAND-IN circuit whose 7 public inputs are
 * the block's (BlockProofInputs): no block-root circuit exists yet, so these proofs say nothing about the block's
 * validity; they show the contracts check a real Groth16 proof over the right public inputs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupProofCheckingOnAnvilTest {
  private AnvilFixture l1;
  private StandInCircuit blockCircuit;
  private final TestBlocks blocks = new TestBlocks(11);

  @BeforeAll
  void setUp() {
    l1 = new AnvilFixture();
    blockCircuit = new StandInCircuit(BlockProofInputs.COUNT, "stand-in-block-proof");
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

  private byte[] proofFor(ProposedHeader header, long seed) {
    Proof proof = blockCircuit.prove(BlockProofInputs.of(header), seed);
    return Groth16VerifierContract.proofBytes(proof);
  }

  @Test
  void provesBlocksWhoseProofVerifies() {
    RollupClient rollup = deployCheckingProofs();
    assertTrue(rollup.proofCheckingEnabled());
    Fr archive = Constants.GENESIS_ARCHIVE_ROOT;
    for (long number = 1; number <= 2; number++) {
      ProposedHeader.Proposal proposal = blocks.proposal(number, archive, blocks.transfers(1),
          rollup.inboxRoot(number));
      assertEquals(BlockProofInputs.of(proposal.header()), onChainPublicInputs(rollup, proposal.header()));
      TransactionReceipt receipt = rollup.propose(proposal.header(), proposal.effects(),
          proofFor(proposal.header(), number));
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
    ProposedHeader other = blocks.proposal(1, Constants.GENESIS_ARCHIVE_ROOT, blocks.transfers(1),
        rollup.inboxRoot(1)).header();
    L1RevertException revert = RollupOnAnvilTest.assertRevert("Rollup__InvalidProof",
        () -> rollup.propose(proposal.header(), proposal.effects(), proofFor(other, 3)));
    assertEquals(List.of("blockNumber=1"), revert.arguments());
    RollupOnAnvilTest.assertRevert("Groth16Verifier__InvalidProofLength",
        () -> rollup.propose(proposal.header(), proposal.effects(), new byte[0]));
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
    long with = checking.propose(proposal.header(), proposal.effects(), proofFor(proposal.header(), 9)).getGasUsed()
        .longValueExact();
    assertEquals(1, checking.provenBlockNumber());
    report.append(String.format(" without proof checking %,d; with (7 public inputs) %,d; difference %,d",
        without, with, with - without));
    System.out.println(report);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private List<Fr> onChainPublicInputs(RollupClient rollup, ProposedHeader header) {
    byte[] returned = l1.sequencer.call(rollup.address(),
        Abi.call("publicInputs(" + ProposedHeader.ABI_TUPLE + ")", header.abiComponents()), "Rollup.publicInputs");
    List<Type> values = (List<Type>) Abi.decode(returned, "uint256[]").get(0).getValue();
    return values.stream().map(value -> Fr.fromBigInteger((BigInteger) value.getValue())).toList();
  }
}

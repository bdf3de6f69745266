package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.Constants;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** The Rollup contract on a real Anvil: accepts blocks in order, rejects bad ones with its named errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupOnAnvilTest {
  private AnvilFixture l1;
  private L1Contracts contracts;
  private RollupClient rollup;
  private final TestBlocks blocks = new TestBlocks(7);

  @BeforeAll
  void startAnvil() {
    l1 = new AnvilFixture();
  }

  @AfterAll
  void stopAnvil() {
    l1.close();
  }

  @BeforeEach
  void deploy() {
    contracts = l1.deploy(0);
    rollup = new RollupClient(l1.sequencer, contracts.rollup());
  }

  @Test
  void freshDeploymentStartsAtGenesisAndSaysProofsAreNotChecked() {
    assertEquals(0, rollup.pendingBlockNumber());
    assertEquals(0, rollup.provenBlockNumber());
    assertEquals(Constants.GENESIS_ARCHIVE_ROOT, rollup.archive());
    assertFalse(rollup.proofCheckingEnabled());
    assertEquals(l1.sequencer.sender(), rollup.sequencer());
    assertEquals(31337, contracts.chainId());
  }

  @Test
  void acceptsBlocksInOrderAndRecordsTheirArchives() {
    Fr archive = Constants.GENESIS_ARCHIVE_ROOT;
    long firstL1Block = l1.sequencer.blockNumber();
    for (long number = 1; number <= 3; number++) {
      ProposedHeader.Proposal proposal = blocks.proposal(number, archive, blocks.transfers(2), rollup.inboxRoot(number));
      TransactionReceipt receipt = rollup.propose(proposal.header(), proposal.effects(), new byte[0]);
      assertTrue(receipt.isStatusOK());
      archive = proposal.header().archiveRoot();
      assertEquals(number, rollup.pendingBlockNumber());
      assertEquals(archive, rollup.archiveAt(number));
    }
    assertEquals(0, rollup.provenBlockNumber(), "nothing is proven while proof checking is off");
    List<RollupClient.BlockProposedLog> logs = rollup.proposedLogs(firstL1Block, l1.sequencer.blockNumber());
    assertEquals(List.of(1L, 2L, 3L), logs.stream().map(RollupClient.BlockProposedLog::blockNumber).toList());
    assertEquals(archive, logs.get(2).archive());
  }

  @Test
  void rejectsAWrongParentArchive() {
    ProposedHeader.Proposal proposal = blocks.proposal(1, blocks.field(), blocks.transfers(1), rollup.inboxRoot(1));
    assertRevert("Rollup__InvalidArchive", () -> rollup.propose(proposal.header(), proposal.effects(), new byte[0]));
  }

  @Test
  void rejectsAWrongBlockNumber() {
    ProposedHeader.Proposal proposal =
        blocks.proposal(2, Constants.GENESIS_ARCHIVE_ROOT, blocks.transfers(1), rollup.inboxRoot(2));
    L1RevertException revert = assertRevert("Rollup__InvalidBlockNumber",
        () -> rollup.propose(proposal.header(), proposal.effects(), new byte[0]));
    assertEquals(List.of("expected=1", "actual=2"), revert.arguments());
  }

  @Test
  void rejectsAnyoneButTheSequencer() {
    ProposedHeader.Proposal proposal =
        blocks.proposal(1, Constants.GENESIS_ARCHIVE_ROOT, blocks.transfers(1), rollup.inboxRoot(1));
    RollupClient stranger = new RollupClient(l1.other, contracts.rollup());
    assertRevert("Rollup__NotSequencer", () -> stranger.propose(proposal.header(), proposal.effects(), new byte[0]));
  }

  @Test
  void rejectsEffectsThatDoNotMatchTheHeader() {
    ProposedHeader.Proposal proposal =
        blocks.proposal(1, Constants.GENESIS_ARCHIVE_ROOT, blocks.transfers(1), rollup.inboxRoot(1));
    byte[] tampered = proposal.effects();
    tampered[tampered.length - 1] ^= 1;
    assertRevert("Rollup__InvalidEffectsHash", () -> rollup.propose(proposal.header(), tampered, new byte[0]));
  }

  @Test
  void refusesAProofItWouldNotCheck() {
    ProposedHeader.Proposal proposal =
        blocks.proposal(1, Constants.GENESIS_ARCHIVE_ROOT, blocks.transfers(1), rollup.inboxRoot(1));
    assertRevert("Rollup__ProofCheckingDisabled",
        () -> rollup.propose(proposal.header(), proposal.effects(), new byte[] {1, 2, 3}));
  }

  @Test
  void rejectsAWrongInHash() {
    ProposedHeader.Proposal proposal =
        blocks.proposal(1, Constants.GENESIS_ARCHIVE_ROOT, blocks.transfers(1), blocks.field());
    assertRevert("Rollup__InvalidInHash", () -> rollup.propose(proposal.header(), proposal.effects(), new byte[0]));
  }

  @Test
  void prunesUnprovenBlocksAfterTheWindow() {
    contracts = l1.deploy(2);
    rollup = new RollupClient(l1.sequencer, contracts.rollup());
    ProposedHeader.Proposal first =
        blocks.proposal(1, Constants.GENESIS_ARCHIVE_ROOT, blocks.transfers(1), rollup.inboxRoot(1));
    rollup.propose(first.header(), first.effects(), new byte[0]);
    assertRevert("Rollup__NothingToPrune", () -> l1.sequencer.send(contracts.rollup(),
        Abi.call("prune()", List.of()), "Rollup.prune"));
    mine(3);
    l1.sequencer.send(contracts.rollup(), Abi.call("prune()", List.of()), "Rollup.prune");
    assertEquals(0, rollup.pendingBlockNumber());
    assertEquals(Constants.GENESIS_ARCHIVE_ROOT, rollup.archive());
  }

  @Test
  void reportsGasPerProposeFor1And8And32Txs() {
    Fr archive = Constants.GENESIS_ARCHIVE_ROOT;
    long number = 0;
    StringBuilder report = new StringBuilder("propose gas (proof checking off; tx = 2 nullifiers, 2 note hashes, "
        + "1 public write, 2 private logs of 16 fields):");
    for (int txs : new int[] {1, 8, 32}) {
      number++;
      List<TxEffect> effects = blocks.transfers(txs);
      ProposedHeader.Proposal proposal = blocks.proposal(number, archive, effects, rollup.inboxRoot(number));
      TransactionReceipt receipt = rollup.propose(proposal.header(), proposal.effects(), new byte[0]);
      archive = proposal.header().archiveRoot();
      report.append(String.format(" %d txs: %d gas (%d effects bytes);", txs, receipt.getGasUsed(),
          proposal.effects().length));
      assertTrue(receipt.getGasUsed().longValueExact() > 21_000);
    }
    System.out.println(report);
  }

  private void mine(int blocks) {
    try {
      l1.sequencer.web3j().ethBlockNumber().send();
      new org.web3j.protocol.core.Request<>("anvil_mine", List.of("0x" + Integer.toHexString(blocks)),
          new org.web3j.protocol.http.HttpService(l1.anvil.rpcUrl()),
          org.web3j.protocol.core.methods.response.VoidResponse.class).send();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static L1RevertException assertRevert(String errorName, Runnable action) {
    L1RevertException revert = assertThrows(L1RevertException.class, action::run);
    assertEquals(errorName, revert.errorName(), revert.getMessage());
    return revert;
  }
}

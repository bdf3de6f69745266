package dev.obsidian.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.actors.block.BlockBuilder;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import dev.obsidian.merkle.WorldStateFork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A follower rebuilds a block from the propose calldata alone: a real block (built by the node's BlockBuilder) comes
 * back equal, header and globals included; tampered calldata is refused naming the field.
 */
class BlockRebuildTest {
  private final L2Block block = realBlock();

  private static L2Block realBlock() {
    RandomTxs random = new RandomTxs(3, 31337, 1).withMaxEffects(3, 2, 2, 2);
    try (WorldStateFork fork = WorldStateFork.inMemoryGenesis()) {
      List<TxEffect> effects = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Tx tx = random.next(Constants.GENESIS_BLOCK_HEADER_HASH, fork);
        BlockBuilder.apply(fork, tx.effects());
        effects.add(new TxEffect(tx.hash(), 17 + i, tx.effects()));
      }
      return BlockBuilder.seal(fork, new GlobalVariables(31337, 1, 1, 1, 1_700_000_000L,
          EthAddress.fromHex("0x00000000000000000000000000000000000000aa"), new AztecAddress(Fr.of(5)),
          new GasFees(1, 2)), effects);
    }
  }

  @SuppressWarnings("rawtypes")
  private static byte[] calldata(ProposedHeader header, byte[] effects) {
    List<org.web3j.abi.datatypes.Type> arguments = new ArrayList<>(header.abiComponents());
    arguments.add(new org.web3j.abi.datatypes.DynamicBytes(effects));
    arguments.add(new org.web3j.abi.datatypes.DynamicBytes(new byte[0]));
    return Abi.call(ProposeCalldata.SIGNATURE, arguments);
  }

  private static L1Archiver.ProposalSeen seen(ProposedHeader header) {
    return new L1Archiver.ProposalSeen(header.blockNumber(), header.archiveRoot(), header.effectsHash(), 10, "0xb",
        "0xt");
  }

  @Test
  void theBlockComesBackEqualFromItsCalldata() {
    ProposedHeader.Proposal proposal = ProposedHeader.of(block, Fr.of(9), Fr.of(1), Fr.of(31337));
    byte[] input = calldata(proposal.header(), proposal.effects());
    ProposeCalldata.Decoded decoded = ProposeCalldata.decode(input);
    assertEquals(proposal.header(), decoded.header());
    assertTrue(Arrays.equals(proposal.effects(), decoded.effects()));
    assertEquals(block, BlockSync.rebuild(seen(proposal.header()), input));
    assertEquals(EffectsEncoding.HEADER_BYTES + EffectsEncoding.encode(block.txEffects()).length,
        proposal.effects().length);
  }

  @Test
  void tamperedCalldataIsRefusedNamingTheField() {
    ProposedHeader.Proposal proposal = ProposedHeader.of(block, Fr.of(9), Fr.of(1), Fr.of(31337));
    ProposedHeader header = proposal.header();

    byte[] flipped = proposal.effects().clone();
    flipped[flipped.length - 1] ^= 1;
    assertMismatch("effectsHash (sha256ToField of the published bytes)", seen(header), calldata(header, flipped));

    ProposedHeader otherRoot = new ProposedHeader(header.blockNumber(), header.lastArchiveRoot(),
        header.archiveRoot(), header.blockHash(), header.l1ToL2MessageRoot(), Fr.of(77), header.nullifierRoot(),
        header.publicDataRoot(), header.effectsHash(), header.inHash(), header.outHash(), header.outTreeHeight());
    assertMismatch("noteHashRoot", seen(otherRoot), calldata(otherRoot, proposal.effects()));

    // globals changed in the published header: its hash no longer is the block hash L1 recorded
    byte[] otherTimestamp = proposal.effects().clone();
    otherTimestamp[(2 + 8 + 1 + 4) * 32 + 31] ^= 1;
    ProposedHeader rehashed = header.withEffectsHash(dev.obsidian.crypto.hash.Sha.sha256ToField(otherTimestamp));
    assertMismatch("blockHash", seen(rehashed), calldata(rehashed, otherTimestamp));

    byte[] truncated = Arrays.copyOf(proposal.effects(), proposal.effects().length - 5);
    ProposedHeader shortHeader = header.withEffectsHash(dev.obsidian.crypto.hash.Sha.sha256ToField(truncated));
    BlockSync.BlockMismatchException cut = assertThrows(BlockSync.BlockMismatchException.class,
        () -> BlockSync.rebuild(seen(shortHeader), calldata(shortHeader, truncated)));
    assertTrue(cut.getMessage().contains("calldata: malformed published effects at byte"), cut.getMessage());

    BlockSync.BlockMismatchException other = assertThrows(BlockSync.BlockMismatchException.class,
        () -> BlockSync.rebuild(seen(header), Abi.call("archive()", List.of())));
    assertTrue(other.getMessage().contains("selector"), other.getMessage());
  }

  private static void assertMismatch(String field, L1Archiver.ProposalSeen proposal, byte[] input) {
    BlockSync.BlockMismatchException e = assertThrows(BlockSync.BlockMismatchException.class,
        () -> BlockSync.rebuild(proposal, input));
    assertTrue(e.getMessage().startsWith("L2 block 1 from L1 does not check out, " + field + ": "), e.getMessage());
  }
}

package dev.obsidian.l1;

import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.tx.ScopedL2ToL1Message;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.hash.Sha;
import dev.obsidian.crypto.protocol.L2ToL1Message;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * What the Rollup's {@code propose} checks and records for one L2 block: field for field its
 * {@code Rollup.ProposedHeader} struct.
 */
public record ProposedHeader(
    long blockNumber,
    Fr lastArchiveRoot,
    Fr archiveRoot,
    Fr blockHash,
    Fr l1ToL2MessageRoot,
    Fr noteHashRoot,
    Fr nullifierRoot,
    Fr publicDataRoot,
    Fr effectsHash,
    Fr inHash,
    Fr outHash,
    int outTreeHeight) {

  /** The proposal of {@code block}: its effects bytes, and the header committing to them. */
  public record Proposal(ProposedHeader header, byte[] effects, OutHashTree outTree) {}

  /**
   * @param inHash the Inbox root for this block (read from the Inbox: the node does not insert L1->L2 messages yet)
   */
  public static Proposal of(L2Block block, Fr inHash, Fr rollupVersion, Fr chainId) {
    byte[] effects = EffectsEncoding.encodeBlock(block);
    OutHashTree outTree = OutHashTree.of(l2ToL1MessageHashes(block.txEffects(), rollupVersion, chainId));
    StateReference state = block.header().state();
    ProposedHeader header = new ProposedHeader(block.number(), block.header().lastArchive().root(),
        block.archive().root(), block.hash(), state.l1ToL2MessageTree().root(), state.noteHashTree().root(),
        state.nullifierTree().root(), state.publicDataTree().root(), Sha.sha256ToField(effects), inHash,
        outTree.root(), outTree.height());
    return new Proposal(header, effects, outTree);
  }

  public static List<Fr> l2ToL1MessageHashes(List<TxEffect> txEffects, Fr rollupVersion, Fr chainId) {
    List<Fr> hashes = new ArrayList<>();
    for (TxEffect tx : txEffects) {
      for (ScopedL2ToL1Message message : tx.effects().l2ToL1Messages()) {
        hashes.add(new L2ToL1Message(message.sender(), message.recipient(), message.content(), rollupVersion,
            chainId).hash());
      }
    }
    return hashes;
  }

  /** The struct's ABI components, in declaration order. */
  @SuppressWarnings("rawtypes")
  List<Type> abiComponents() {
    return List.of(new Uint256(blockNumber), bytes32(lastArchiveRoot), bytes32(archiveRoot), bytes32(blockHash),
        bytes32(l1ToL2MessageRoot), bytes32(noteHashRoot), bytes32(nullifierRoot), bytes32(publicDataRoot),
        bytes32(effectsHash), bytes32(inHash), bytes32(outHash), new Uint256(BigInteger.valueOf(outTreeHeight)));
  }

  static final String ABI_TUPLE =
      "(uint256,bytes32,bytes32,bytes32,bytes32,bytes32,bytes32,bytes32,bytes32,bytes32,bytes32,uint256)";

  static Bytes32 bytes32(Fr value) {
    return new Bytes32(value.toBytesBE());
  }

  public ProposedHeader withBlockNumber(long number) {
    return new ProposedHeader(number, lastArchiveRoot, archiveRoot, blockHash, l1ToL2MessageRoot, noteHashRoot,
        nullifierRoot, publicDataRoot, effectsHash, inHash, outHash, outTreeHeight);
  }

  public ProposedHeader withLastArchiveRoot(Fr root) {
    return new ProposedHeader(blockNumber, root, archiveRoot, blockHash, l1ToL2MessageRoot, noteHashRoot,
        nullifierRoot, publicDataRoot, effectsHash, inHash, outHash, outTreeHeight);
  }

  public ProposedHeader withEffectsHash(Fr hash) {
    return new ProposedHeader(blockNumber, lastArchiveRoot, archiveRoot, blockHash, l1ToL2MessageRoot, noteHashRoot,
        nullifierRoot, publicDataRoot, hash, inHash, outHash, outTreeHeight);
  }
}

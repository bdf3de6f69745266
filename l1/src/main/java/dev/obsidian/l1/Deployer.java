package dev.obsidian.l1;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.EthAddress;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/** Deploys a Rollup (which creates its Inbox and Outbox), a test ERC-20 and a TokenPortal for it. */
public final class Deployer {

  /**
   * @param sequencer the only account allowed to propose
   * @param genesisArchiveRoot the archive root of the node's genesis state (Constants.GENESIS_ARCHIVE_ROOT)
   * @param pruneWindowL1Blocks L1 blocks before unproven blocks are pruned; 0 never prunes
   * @param maxEffectsBytes largest effects calldata accepted by propose
   * @param l2Bridge the L2 token bridge contract the portal talks to (zero until the bridge example exists)
   */
  public record Options(
      EthAddress sequencer, Fr genesisArchiveRoot, long rollupVersion, long pruneWindowL1Blocks,
      long maxEffectsBytes, Fr l2Bridge) {

    public Options {
      if (sequencer == null || genesisArchiveRoot == null || l2Bridge == null) {
        throw new IllegalArgumentException("sequencer, genesisArchiveRoot and l2Bridge must be present");
      }
      if (rollupVersion < 1 || pruneWindowL1Blocks < 0 || maxEffectsBytes < 1) {
        throw new IllegalArgumentException("rollupVersion must be >= 1, pruneWindowL1Blocks >= 0, maxEffectsBytes >= 1");
      }
    }
  }

  /** The Rollup's limit on effects calldata when none is configured: well under an L1 block's calldata budget. */
  public static final long DEFAULT_MAX_EFFECTS_BYTES = 1 << 20;

  private Deployer() {}

  /** A Rollup that does not check proofs (the sandbox's): blocks stay pending, never proven. */
  public static L1Contracts deploy(L1Client client, Options options) {
    return deploy(client, options, new Address(160, BigInteger.ZERO), false);
  }

  /**
   * A Rollup with proof checking on: first a {@code Groth16Verifier} holding {@code blockProofKey}, which must take
   * the block's 7 public inputs in {@code Rollup.publicInputs} order ({@link BlockProofInputs}).
   */
  public static L1Contracts deployCheckingProofs(L1Client client, Options options,
      dev.obsidian.circuits.groth16.VerifyingKey blockProofKey) {
    if (blockProofKey.numPublic() != BlockProofInputs.COUNT) {
      throw new IllegalArgumentException("blockProofKey has " + blockProofKey.numPublic()
          + " public inputs; the Rollup passes " + BlockProofInputs.COUNT);
    }
    Groth16VerifierContract verifier = Groth16VerifierContract.deploy(client, blockProofKey);
    return deploy(client, options, address(verifier.address()), true);
  }

  @SuppressWarnings("rawtypes")
  private static L1Contracts deploy(L1Client client, Options options, Address verifier, boolean checkProofs) {
    long firstBlock = client.blockNumber() + 1;
    List<Type> rollupArguments = List.of(address(options.sequencer()),
        new Bytes32(options.genesisArchiveRoot().toBytesBE()), new Uint256(options.rollupVersion()),
        verifier, new Bool(checkProofs), new Uint256(options.pruneWindowL1Blocks()),
        new Uint256(options.maxEffectsBytes()));
    EthAddress rollup = client.deploy(Abi.constructor(ContractArtifact.load("Rollup").bytecode(), rollupArguments),
        "deploy Rollup");
    RollupClient rollupClient = new RollupClient(client, rollup);
    EthAddress inbox = rollupClient.inbox();
    EthAddress outbox = rollupClient.outbox();
    EthAddress token = client.deploy(Abi.constructor(ContractArtifact.load("TestERC20").bytecode(),
        List.of(new Utf8String("Obsidian Test Token"), new Utf8String("OTT"))), "deploy TestERC20");
    EthAddress portal = client.deploy(Abi.constructor(ContractArtifact.load("TokenPortal").bytecode(),
        List.of(address(token), address(inbox), address(outbox), new Bytes32(options.l2Bridge().toBytesBE()))),
        "deploy TokenPortal");
    return new L1Contracts(client.chainId(), rollup, inbox, outbox, token, portal, firstBlock);
  }

  static Address address(EthAddress address) {
    return new Address(address.toString());
  }
}

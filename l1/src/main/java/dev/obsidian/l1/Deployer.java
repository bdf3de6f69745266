package dev.obsidian.l1;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.EthAddress;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
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
   * A Rollup with proof checking on whose verifier is ONE Groth16 proof of the block statement: a
   * {@code Groth16Verifier} holding {@code statementKey}, which must take the 11 values of {@link BlockStatement}
   * (a stand-in for an aggregated block proof; the node uses {@link #deployCheckingBlockProofs}).
   */
  public static L1Contracts deployCheckingProofs(L1Client client, Options options,
      dev.obsidian.circuits.groth16.VerifyingKey statementKey) {
    if (statementKey.numPublic() != BlockStatement.COUNT) {
      throw new IllegalArgumentException("statementKey has " + statementKey.numPublic()
          + " public inputs; the Rollup passes " + BlockStatement.COUNT);
    }
    Groth16VerifierContract verifier = Groth16VerifierContract.deploy(client, statementKey);
    return deploy(client, options, address(verifier.address()), true);
  }

  /**
   * A Rollup with proof checking on that verifies each block's block-root proof and one base proof per tx in one
   * batched pairing check: a Groth16Verifier per key, a BlockProofVerifier over them, then the Rollup.
   *
   * @param rootKeys block-root verifying keys, one per variant, with {@code rootCapacities} their tx capacities
   * @param baseKeys base-rollup verifying keys, one per variant (index = the variant in the proof calldata)
   */
  @SuppressWarnings("rawtypes")
  public static L1Contracts deployCheckingBlockProofs(L1Client client, Options options,
      List<dev.obsidian.circuits.groth16.VerifyingKey> rootKeys, List<Integer> rootCapacities,
      List<dev.obsidian.circuits.groth16.VerifyingKey> baseKeys) {
    EthAddress verifier = deployBlockProofVerifier(client, rootKeys, rootCapacities, baseKeys);
    return deploy(client, options, address(verifier), true);
  }

  /**
   * A Rollup with proof checking on over {@code keys}' variants (what the node deploys when it proves blocks): the
   * returned contracts record each variant's circuit and verifying key hash, so a restart with other keys is caught.
   */
  public static L1Contracts deployCheckingBlockProofs(L1Client client, Options options, BlockVerifierKeys keys) {
    return deployCheckingBlockProofs(client, options,
        keys.roots().stream().map(BlockVerifierKeys.Variant::key).toList(),
        keys.roots().stream().map(BlockVerifierKeys.Variant::capacity).toList(),
        keys.bases().stream().map(BlockVerifierKeys.Variant::key).toList()).withProofChecking(keys.recorded());
  }

  @SuppressWarnings("rawtypes")
  public static EthAddress deployBlockProofVerifier(L1Client client,
      List<dev.obsidian.circuits.groth16.VerifyingKey> rootKeys, List<Integer> rootCapacities,
      List<dev.obsidian.circuits.groth16.VerifyingKey> baseKeys) {
    if (rootKeys.size() != rootCapacities.size() || rootKeys.isEmpty() || baseKeys.isEmpty()) {
      throw new IllegalArgumentException("need at least one root and one base key, and a capacity per root key");
    }
    for (int i = 0; i < rootKeys.size(); i++) {
      int expected = 19 + rootCapacities.get(i);
      if (rootKeys.get(i).numPublic() != expected) {
        throw new IllegalArgumentException("root key " + i + " has " + rootKeys.get(i).numPublic()
            + " public inputs; a block root of " + rootCapacities.get(i) + " txs has " + expected);
      }
    }
    for (int i = 0; i < baseKeys.size(); i++) {
      if (baseKeys.get(i).numPublic() != 13) {
        throw new IllegalArgumentException("base key " + i + " has " + baseKeys.get(i).numPublic()
            + " public inputs; a base rollup has 13");
      }
    }
    List<Address> roots = rootKeys.stream().map(k -> address(Groth16VerifierContract.deploy(client, k).address()))
        .toList();
    List<Address> bases = baseKeys.stream().map(k -> address(Groth16VerifierContract.deploy(client, k).address()))
        .toList();
    List<Type> arguments = List.of(new DynamicArray<>(Address.class, roots),
        new DynamicArray<>(Uint256.class, rootCapacities.stream().map(c -> new Uint256(c)).toList()),
        new DynamicArray<>(Address.class, bases));
    return client.deploy(Abi.constructor(ContractArtifact.load("BlockProofVerifier").bytecode(), arguments),
        "deploy BlockProofVerifier");
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
    // the variants are known only to deployCheckingBlockProofs(client, options, BlockVerifierKeys), which records them
    return new L1Contracts(client.chainId(), rollup, inbox, outbox, token, portal, firstBlock,
        checkProofs ? new L1Contracts.ProofChecking(true, List.of(), List.of()) : L1Contracts.ProofChecking.OFF);
  }

  static Address address(EthAddress address) {
    return new Address(address.toString());
  }
}

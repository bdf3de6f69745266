package dev.obsidian.l1;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.EthAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** The node's view of a deployed Rollup: propose blocks, read its tips and archive, follow its events. */
public final class RollupClient {
  static final Event L2_BLOCK_PROPOSED = new Event("L2BlockProposed", List.of(
      new TypeReference<Uint256>(true) {}, new TypeReference<Bytes32>(true) {}, new TypeReference<Bytes32>(false) {}));

  static final Event PRUNED_PENDING = new Event("PrunedPending", List.of(
      new TypeReference<Uint256>(false) {}, new TypeReference<Uint256>(false) {}));

  static final Event L2_BLOCK_PROVEN = new Event("L2BlockProven", List.of(new TypeReference<Uint256>(true) {}));

  /** One {@code L2BlockProven} log: the Rollup verified the block's proofs in the transaction {@code l1TxHash}. */
  public record BlockProvenLog(long blockNumber, long l1Block, String l1TxHash) {}

  /** One {@code PrunedPending} log: the Rollup dropped blocks {@code provenBlockNumber + 1 .. pendingBlockNumber}. */
  public record PrunedLog(long provenBlockNumber, long pendingBlockNumber, long l1Block) {}

  /** One {@code L2BlockProposed} log with where it sits on L1. */
  public record BlockProposedLog(long blockNumber, Fr archive, Fr effectsHash, long l1Block, String l1BlockHash,
      String l1TxHash) {}

  private final L1Client client;
  private final EthAddress rollup;
  /** First L1 block log searches start at (the deployment block; providers cap log ranges). */
  private final long fromL1Block;

  public RollupClient(L1Client client, EthAddress rollup) {
    this(client, rollup, 0);
  }

  public RollupClient(L1Client client, EthAddress rollup, long fromL1Block) {
    this.client = client;
    this.rollup = rollup;
    this.fromL1Block = fromL1Block;
  }

  public EthAddress address() {
    return rollup;
  }

  public TransactionReceipt propose(ProposedHeader header, byte[] effects, byte[] proof) {
    return client.send(rollup, proposeCalldata(header, effects, proof),
        "Rollup.propose(block " + header.blockNumber() + ")");
  }

  /** The calldata of {@code propose(header, effects, proof)}. */
  @SuppressWarnings("rawtypes")
  public static byte[] proposeCalldata(ProposedHeader header, byte[] effects, byte[] proof) {
    List<Type> arguments = new ArrayList<>(header.abiComponents());
    arguments.add(new DynamicBytes(effects));
    arguments.add(new DynamicBytes(proof));
    return Abi.call("propose(" + ProposedHeader.ABI_TUPLE + ",bytes,bytes)", arguments);
  }

  public L1Client client() {
    return client;
  }

  public long pendingBlockNumber() {
    return uint("pendingBlockNumber()");
  }

  public long provenBlockNumber() {
    return uint("provenBlockNumber()");
  }

  public boolean proofCheckingEnabled() {
    return (Boolean) Abi.decode(client.call(rollup, Abi.call("PROOF_CHECKING_ENABLED()", List.of()),
        "Rollup.PROOF_CHECKING_ENABLED"), "bool").get(0).getValue();
  }

  public long pruneWindowL1Blocks() {
    return uint("PRUNE_WINDOW_L1_BLOCKS()");
  }

  public long version() {
    return uint("VERSION()");
  }

  public EthAddress sequencer() {
    return addressCall("SEQUENCER()");
  }

  public EthAddress inbox() {
    return addressCall("INBOX()");
  }

  public EthAddress outbox() {
    return addressCall("OUTBOX()");
  }

  /** The archive root recorded for {@code blockNumber}, zero if the Rollup has no such block. */
  public Fr archiveAt(long blockNumber) {
    byte[] returned = client.call(rollup, Abi.call("archiveAt(uint256)", List.of(new Uint256(blockNumber))),
        "Rollup.archiveAt(" + blockNumber + ")");
    return Fr.fromBytesBE((byte[]) Abi.decode(returned, "bytes32").get(0).getValue());
  }

  public Fr archive() {
    byte[] returned = client.call(rollup, Abi.call("archive()", List.of()), "Rollup.archive");
    return Fr.fromBytesBE((byte[]) Abi.decode(returned, "bytes32").get(0).getValue());
  }

  /** The Inbox root block {@code blockNumber} must commit to (its inHash). */
  public Fr inboxRoot(long blockNumber) {
    EthAddress inbox = inbox();
    byte[] returned = client.call(inbox, Abi.call("root(uint256)", List.of(new Uint256(blockNumber))),
        "Inbox.root(" + blockNumber + ")");
    return Fr.fromBytesBE((byte[]) Abi.decode(returned, "bytes32").get(0).getValue());
  }

  public List<BlockProposedLog> proposedLogs(long fromL1Block, long toL1Block) {
    EthFilter filter = new EthFilter(L1Client.at(fromL1Block), L1Client.at(toL1Block), rollup.toString());
    filter.addSingleTopic(EventEncoder.encode(L2_BLOCK_PROPOSED));
    return toLogs(client.logs(filter));
  }

  static BlockProposedLog toLog(Log log) {
    return new BlockProposedLog(new BigInteger(log.getTopics().get(1).substring(2), 16).longValueExact(),
        Fr.fromBytesBE(L1Client.unhex(log.getTopics().get(2))), Fr.fromBytesBE(L1Client.unhex(log.getData())),
        log.getBlockNumber().longValueExact(), log.getBlockHash(), log.getTransactionHash());
  }

  private static List<BlockProposedLog> toLogs(List<Log> raw) {
    List<BlockProposedLog> logs = new ArrayList<>();
    for (Log log : raw) {
      logs.add(new BlockProposedLog(new BigInteger(log.getTopics().get(1).substring(2), 16).longValueExact(),
          Fr.fromBytesBE(L1Client.unhex(log.getTopics().get(2))), Fr.fromBytesBE(L1Client.unhex(log.getData())),
          log.getBlockNumber().longValueExact(), log.getBlockHash(), log.getTransactionHash()));
    }
    return logs;
  }

  /** The L2BlockProposed logs of one L2 block number (more than one if it was pruned and proposed again). */
  public List<BlockProposedLog> proposedLogsOf(long blockNumber) {
    EthFilter filter = new EthFilter(L1Client.at(fromL1Block),
        org.web3j.protocol.core.DefaultBlockParameterName.LATEST, rollup.toString());
    filter.addSingleTopic(EventEncoder.encode(L2_BLOCK_PROPOSED));
    filter.addSingleTopic(org.web3j.utils.Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(blockNumber), 64));
    return toLogs(client.logs(filter));
  }

  /** The {@code L2BlockProven} logs from the deployment block to the tip. */
  public List<BlockProvenLog> provenLogs() {
    EthFilter filter = new EthFilter(L1Client.at(fromL1Block),
        org.web3j.protocol.core.DefaultBlockParameterName.LATEST, rollup.toString());
    filter.addSingleTopic(EventEncoder.encode(L2_BLOCK_PROVEN));
    List<BlockProvenLog> logs = new ArrayList<>();
    for (Log log : client.logs(filter)) {
      logs.add(new BlockProvenLog(new BigInteger(log.getTopics().get(1).substring(2), 16).longValueExact(),
          log.getBlockNumber().longValueExact(), log.getTransactionHash()));
    }
    return logs;
  }

  /** Whether the next proposal would first prune every unproven block (their prune window has passed). */
  public boolean canPrune() {
    return (Boolean) Abi.decode(client.call(rollup, Abi.call("canPrune()", List.of()), "Rollup.canPrune"), "bool")
        .get(0).getValue();
  }

  /** The {@code PrunedPending} logs from L1 block {@code fromL1Block} (at least the deployment block) to the tip. */
  public List<PrunedLog> prunedLogs(long fromL1Block) {
    EthFilter filter = new EthFilter(L1Client.at(Math.max(fromL1Block, this.fromL1Block)),
        org.web3j.protocol.core.DefaultBlockParameterName.LATEST, rollup.toString());
    filter.addSingleTopic(EventEncoder.encode(PRUNED_PENDING));
    List<PrunedLog> logs = new ArrayList<>();
    for (Log log : client.logs(filter)) {
      String data = log.getData().substring(2);
      if (data.length() != 128) {
        throw new L1Exception("malformed PrunedPending log in L1 tx " + log.getTransactionHash() + ": data is "
            + data.length() / 2 + " bytes, expected 64");
      }
      logs.add(new PrunedLog(new BigInteger(data.substring(0, 64), 16).longValueExact(),
          new BigInteger(data.substring(64), 16).longValueExact(), log.getBlockNumber().longValueExact()));
    }
    return logs;
  }

  private long uint(String signature) {
    byte[] returned = client.call(rollup, Abi.call(signature, List.of()), "Rollup." + signature);
    return ((BigInteger) Abi.decode(returned, "uint256").get(0).getValue()).longValueExact();
  }

  private EthAddress addressCall(String signature) {
    byte[] returned = client.call(rollup, Abi.call(signature, List.of()), "Rollup." + signature);
    return EthAddress.fromHex((String) Abi.decode(returned, "address").get(0).getValue());
  }
}

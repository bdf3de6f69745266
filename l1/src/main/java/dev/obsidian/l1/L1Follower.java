package dev.obsidian.l1;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.EthAddress;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Follows L1 from the deployment block and turns the Rollup's {@code L2BlockProposed} and the Inbox's
 * {@code MessageSent} logs into events, with an L1 cursor of (number, hash). Before moving on it checks that the block
 * under the cursor is still on the chain; if not (an L1 reorg) it walks back through the hashes it remembers to the
 * last block both chains share and reports {@link Reorged}, so its consumer drops everything after it.
 *
 * <p>The core of the Archiver, not yet it: not an actor, nothing journaled (the cursor lives in memory), not
 * wired into the node (no world-state rollback, no follower mode).
 */
public final class L1Follower {
  static final Event MESSAGE_SENT = new Event("MessageSent", List.of(new TypeReference<Uint256>(true) {},
      new TypeReference<Uint256>(false) {}, new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(false) {},
      new TypeReference<Bytes32>(false) {}, new TypeReference<Bytes32>(false) {},
      new TypeReference<Bytes32>(false) {}));

  /** What following L1 found, in L1 order. */
  public sealed interface L1Event {}

  public record BlockProposed(RollupClient.BlockProposedLog log) implements L1Event {}

  public record MessageSent(long l2BlockNumber, long index, Fr hash, EthAddress sender, Fr recipient, Fr content,
      Fr secretHash, long l1Block) implements L1Event {}

  /** L1 blocks after {@code toL1Block} (up to {@code fromL1Block}) are no longer on the chain. */
  public record Reorged(long fromL1Block, long toL1Block) implements L1Event {}

  record Cursor(long number, String hash) {}

  private final L1Client client;
  private final L1Contracts contracts;
  private final int confirmations;
  private final int maxBlocksPerPoll;
  private final int rememberedBlocks;
  /** The last processed L1 blocks, newest last; the cursor is the last one. */
  private final Deque<Cursor> recent = new ArrayDeque<>();

  /**
   * @param confirmations L1 blocks a log must be under before it is reported (0 = the head)
   * @param maxBlocksPerPoll L1 blocks read per {@link #poll()} at most
   * @param rememberedBlocks block hashes kept to find a reorg's common ancestor (deeper reorgs fail loudly)
   */
  public L1Follower(L1Client client, L1Contracts contracts, int confirmations, int maxBlocksPerPoll,
      int rememberedBlocks) {
    if (confirmations < 0 || maxBlocksPerPoll < 1 || rememberedBlocks < 1) {
      throw new IllegalArgumentException("confirmations >= 0, maxBlocksPerPoll >= 1, rememberedBlocks >= 1 required");
    }
    this.client = client;
    this.contracts = contracts;
    this.confirmations = confirmations;
    this.maxBlocksPerPoll = maxBlocksPerPoll;
    this.rememberedBlocks = rememberedBlocks;
  }

  /** The last L1 block processed, or empty before the first poll. */
  public java.util.Optional<Cursor> cursor() {
    return java.util.Optional.ofNullable(recent.peekLast());
  }

  /** Checks for a reorg, then reads the next confirmed L1 blocks' logs. */
  public List<L1Event> poll() {
    List<L1Event> events = new ArrayList<>();
    checkForReorg(events);
    long next = recent.isEmpty() ? contracts.deploymentL1Block() : recent.peekLast().number() + 1;
    long target = Math.min(client.blockNumber() - confirmations, next + maxBlocksPerPoll - 1);
    if (target < next) {
      return events;
    }
    events.addAll(logs(next, target));
    for (long number = next; number <= target; number++) {
      remember(new Cursor(number, blockHash(number)));
    }
    return events;
  }

  private void checkForReorg(List<L1Event> events) {
    if (recent.isEmpty()) {
      return;
    }
    Cursor tip = recent.peekLast();
    if (tip.hash().equals(blockHashOrNull(tip.number()))) {
      return;
    }
    Iterator<Cursor> newestFirst = recent.descendingIterator();
    while (newestFirst.hasNext()) {
      Cursor candidate = newestFirst.next();
      if (candidate.hash().equals(blockHashOrNull(candidate.number()))) {
        while (recent.peekLast().number() > candidate.number()) {
          recent.removeLast();
        }
        events.add(new Reorged(tip.number(), candidate.number()));
        return;
      }
    }
    long oldest = recent.peekFirst().number();
    recent.clear();
    if (oldest <= contracts.deploymentL1Block()) {
      events.add(new Reorged(tip.number(), contracts.deploymentL1Block() - 1));
      return;
    }
    throw new L1Exception("L1 reorg deeper than the " + rememberedBlocks + " remembered blocks (below L1 block "
        + oldest + "): re-sync from the deployment block");
  }

  private List<L1Event> logs(long from, long to) {
    EthFilter filter = new EthFilter(L1Client.at(from), L1Client.at(to),
        List.of(contracts.rollup().toString(), contracts.inbox().toString()));
    filter.addOptionalTopics(EventEncoder.encode(RollupClient.L2_BLOCK_PROPOSED), EventEncoder.encode(MESSAGE_SENT));
    List<L1Event> events = new ArrayList<>();
    for (Log log : client.logs(filter)) {
      String topic = log.getTopics().get(0);
      if (topic.equals(EventEncoder.encode(RollupClient.L2_BLOCK_PROPOSED))) {
        events.add(new BlockProposed(RollupClient.toLog(log)));
      } else {
        events.add(messageSent(log));
      }
    }
    return events;
  }

  private static MessageSent messageSent(Log log) {
    byte[] data = L1Client.unhex(log.getData()); // index, sender, recipient, content, secretHash
    if (data.length != 5 * 32 || log.getTopics().size() != 3) {
      throw new L1Exception("malformed MessageSent log in L1 tx " + log.getTransactionHash());
    }
    return new MessageSent(new BigInteger(log.getTopics().get(1).substring(2), 16).longValueExact(),
        word(data, 0).longValueExact(), Fr.fromBytesBE(L1Client.unhex(log.getTopics().get(2))),
        EthAddress.fromBytes(java.util.Arrays.copyOfRange(data, 32 + 12, 64)), Fr.fromBigInteger(word(data, 2)),
        Fr.fromBigInteger(word(data, 3)), Fr.fromBigInteger(word(data, 4)), log.getBlockNumber().longValueExact());
  }

  private static BigInteger word(byte[] data, int index) {
    return new BigInteger(1, java.util.Arrays.copyOfRange(data, 32 * index, 32 * index + 32));
  }

  private void remember(Cursor cursor) {
    recent.addLast(cursor);
    while (recent.size() > rememberedBlocks) {
      recent.removeFirst();
    }
  }

  private String blockHash(long number) {
    String hash = blockHashOrNull(number);
    if (hash == null) {
      throw new L1Exception("L1 has no block " + number + " although it reported a higher head");
    }
    return hash;
  }

  private String blockHashOrNull(long number) {
    try {
      EthBlock.Block block = client.web3j().ethGetBlockByNumber(L1Client.at(number), false).send().getBlock();
      return block == null ? null : block.getHash();
    } catch (IOException e) {
      throw new L1Exception("eth_getBlockByNumber(" + number + ") failed: " + e.getMessage(), e);
    }
  }
}

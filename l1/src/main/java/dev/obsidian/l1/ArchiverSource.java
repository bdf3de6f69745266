package dev.obsidian.l1;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.EthAddress;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * What the archiver reads from L1, each read a JSON-RPC call whose failure becomes a named {@link ArchiverException}:
 * the chain id, the head, block (number, hash, parent hash) and the Rollup's and Inbox's logs decoded, every field
 * checked.
 */
public final class ArchiverSource {
  static final String PROPOSED_TOPIC = EventEncoder.encode(RollupClient.L2_BLOCK_PROPOSED);
  /** {@code Inbox.MessageSent(uint256 indexed l2BlockNumber, uint256 index, bytes32 indexed hash, address sender,
   * bytes32 recipient, bytes32 content, bytes32 secretHash)}. */
  static final org.web3j.abi.datatypes.Event MESSAGE_SENT = new org.web3j.abi.datatypes.Event("MessageSent", List.of(
      new org.web3j.abi.TypeReference<org.web3j.abi.datatypes.generated.Uint256>(true) {},
      new org.web3j.abi.TypeReference<org.web3j.abi.datatypes.generated.Uint256>(false) {},
      new org.web3j.abi.TypeReference<org.web3j.abi.datatypes.generated.Bytes32>(true) {},
      new org.web3j.abi.TypeReference<org.web3j.abi.datatypes.Address>(false) {},
      new org.web3j.abi.TypeReference<org.web3j.abi.datatypes.generated.Bytes32>(false) {},
      new org.web3j.abi.TypeReference<org.web3j.abi.datatypes.generated.Bytes32>(false) {},
      new org.web3j.abi.TypeReference<org.web3j.abi.datatypes.generated.Bytes32>(false) {}));
  static final String MESSAGE_TOPIC = EventEncoder.encode(MESSAGE_SENT);

  /** One L1 block's identity. */
  public record BlockRef(long number, String hash, String parentHash) {}

  private final Web3j web3j;
  private final EthAddress rollup;
  private final EthAddress inbox;

  public ArchiverSource(L1Client client, EthAddress rollup, EthAddress inbox) {
    this.web3j = client.web3j();
    this.rollup = rollup;
    this.inbox = inbox;
  }

  long chainId() {
    return call("eth_chainId", () -> web3j.ethChainId().send()).getChainId().longValueExact();
  }

  long head() {
    return call("eth_blockNumber", () -> web3j.ethBlockNumber().send()).getBlockNumber().longValueExact();
  }

  Optional<BlockRef> block(long number) {
    EthBlock.Block block = call("eth_getBlockByNumber(" + number + ")",
        () -> web3j.ethGetBlockByNumber(L1Client.at(number), false).send()).getBlock();
    return block == null ? Optional.empty()
        : Optional.of(new BlockRef(block.getNumber().longValueExact(), block.getHash(), block.getParentHash()));
  }

  /** The Rollup's proposals and the Inbox's messages in L1 blocks [from, to], in L1 order. */
  List<Object> logs(long from, long to) {
    EthFilter filter = new EthFilter(L1Client.at(from), L1Client.at(to), List.of(rollup.toString(), inbox.toString()));
    filter.addOptionalTopics(PROPOSED_TOPIC, MESSAGE_TOPIC);
    List<EthLog.LogResult> results = call("eth_getLogs(" + from + ", " + to + ")",
        () -> web3j.ethGetLogs(filter).send()).getLogs();
    List<Object> decoded = new ArrayList<>(results.size());
    for (EthLog.LogResult<?> result : results) {
      decoded.add(decode((Log) result.get()));
    }
    return decoded;
  }

  /** The input of an L1 transaction (a proposal's calldata). */
  byte[] transactionInput(String txHash) {
    org.web3j.protocol.core.methods.response.Transaction tx = call("eth_getTransactionByHash(" + txHash + ")",
        () -> web3j.ethGetTransactionByHash(txHash).send()).getTransaction()
        .orElseThrow(() -> new ArchiverException(ArchiverException.Error.L1_INCONSISTENT,
            "L1 has no transaction " + txHash + " although it logged a proposal in it"));
    if (tx.getTo() == null || !EthAddress.fromHex(tx.getTo()).equals(rollup)) {
      throw new ArchiverException(ArchiverException.Error.MALFORMED_LOG, "proposal tx " + txHash
          + " was sent to " + tx.getTo() + ", not to the Rollup " + rollup
          + ": only direct propose calls can be followed");
    }
    return L1Client.unhex(tx.getInput());
  }

  /** Decodes one log; anything unexpected is {@link ArchiverException.Error#MALFORMED_LOG} naming the field. */
  Object decode(Log log) {
    String where = " (L1 block " + log.getBlockNumber() + ", tx " + log.getTransactionHash() + ", log index "
        + log.getLogIndex() + ")";
    List<String> topics = log.getTopics();
    if (topics == null || topics.isEmpty()) {
      throw malformed("topics", "the log has no topics" + where);
    }
    EthAddress address = EthAddress.fromHex(log.getAddress());
    byte[] data = L1Client.unhex(log.getData());
    if (topics.get(0).equalsIgnoreCase(PROPOSED_TOPIC)) {
      requireShape("L2BlockProposed", address, rollup, topics, 3, data, 32, where);
      return new L1Archiver.ProposalSeen(uint(topics.get(1), "L2BlockProposed.blockNumber", where),
          field(topics.get(2), "L2BlockProposed.archive", where), field(data, 0, "L2BlockProposed.effectsHash", where),
          log.getBlockNumber().longValueExact(), log.getBlockHash(), log.getTransactionHash());
    }
    if (topics.get(0).equalsIgnoreCase(MESSAGE_TOPIC)) {
      requireShape("MessageSent", address, inbox, topics, 3, data, 5 * 32, where);
      byte[] senderWord = Arrays.copyOfRange(data, 32, 64);
      for (int i = 0; i < 12; i++) {
        if (senderWord[i] != 0) {
          throw malformed("MessageSent.sender", "not a 20-byte address" + where);
        }
      }
      return new L1Archiver.MessageSeen(uint(topics.get(1), "MessageSent.l2BlockNumber", where),
          uint(Arrays.copyOfRange(data, 0, 32), "MessageSent.index", where),
          field(topics.get(2), "MessageSent.hash", where), EthAddress.fromBytes(Arrays.copyOfRange(senderWord, 12, 32)),
          field(data, 2, "MessageSent.recipient", where), field(data, 3, "MessageSent.content", where),
          field(data, 4, "MessageSent.secretHash", where), log.getBlockNumber().longValueExact());
    }
    throw malformed("topics[0]", "unknown event " + topics.get(0) + where);
  }

  private static void requireShape(String event, EthAddress address, EthAddress expected, List<String> topics,
      int topicCount, byte[] data, int dataBytes, String where) {
    if (!address.equals(expected)) {
      throw malformed(event + ".address", "emitted by " + address + ", expected " + expected + where);
    }
    if (topics.size() != topicCount) {
      throw malformed(event + ".topics", topics.size() + " topics, expected " + topicCount + where);
    }
    if (data.length != dataBytes) {
      throw malformed(event + ".data", data.length + " bytes, expected " + dataBytes + where);
    }
  }

  private static long uint(String topic, String field, String where) {
    return uint(L1Client.unhex(topic), field, where);
  }

  private static long uint(byte[] word, String field, String where) {
    BigInteger value = new BigInteger(1, word);
    if (word.length != 32 || value.bitLength() > 62) {
      throw malformed(field, "0x" + value.toString(16) + " is not a block number or index" + where);
    }
    return value.longValueExact();
  }

  private static Fr field(String topic, String field, String where) {
    return field(L1Client.unhex(topic), 0, field, where);
  }

  private static Fr field(byte[] data, int word, String field, String where) {
    if (data.length < 32 * word + 32) {
      throw malformed(field, "missing" + where);
    }
    BigInteger value = new BigInteger(1, Arrays.copyOfRange(data, 32 * word, 32 * word + 32));
    if (value.compareTo(Fr.MODULUS) >= 0) {
      throw malformed(field, "0x" + value.toString(16) + " is not below the field modulus" + where);
    }
    return Fr.fromBigInteger(value);
  }

  private static ArchiverException malformed(String field, String reason) {
    return new ArchiverException(ArchiverException.Error.MALFORMED_LOG, field + ": " + reason);
  }

  interface Call<T> {
    T send() throws IOException;
  }

  private static <T extends Response<?>> T call(String method, Call<T> call) {
    T response;
    try {
      response = call.send();
    } catch (IOException e) {
      throw new ArchiverException(ArchiverException.Error.L1_UNREACHABLE, method + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new ArchiverException(ArchiverException.Error.L1_RPC_ERROR, method + ": " + e, e);
    }
    if (response.hasError()) {
      throw new ArchiverException(ArchiverException.Error.L1_RPC_ERROR, method + ": "
          + response.getError().getMessage());
    }
    return response;
  }
}

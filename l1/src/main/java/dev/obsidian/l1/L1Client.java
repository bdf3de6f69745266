package dev.obsidian.l1;

import dev.obsidian.crypto.protocol.EthAddress;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * One account's connection to an Ethereum JSON-RPC node: calls, signed EIP-1559 transactions (simulated first, so a
 * revert surfaces as the contract's named error before anything is sent) and logs. The key never leaves this object
 * and is never logged.
 */
public final class L1Client implements AutoCloseable {
  /** Gas added on top of the node's estimate: estimates are exact on Anvil but state may move before inclusion. */
  private static final double GAS_MARGIN = 1.2;
  private static final Duration RECEIPT_POLL = Duration.ofMillis(50);

  private final Web3j web3j;
  private final Credentials credentials;
  private final long chainId;
  private final Duration receiptTimeout;
  private final ContractErrors errors = ContractErrors.ofOurContracts();

  private L1Client(Web3j web3j, Credentials credentials, long chainId, Duration receiptTimeout) {
    this.web3j = web3j;
    this.credentials = credentials;
    this.chainId = chainId;
    this.receiptTimeout = receiptTimeout;
  }

  /**
   * Connects and checks the node's chain id.
   *
   * @param expectedChainId the chain id the node must report, or 0 to accept any
   */
  public static L1Client connect(String rpcUrl, L1PrivateKey key, long expectedChainId, Duration receiptTimeout) {
    Web3j web3j = Web3j.build(new HttpService(rpcUrl));
    long chainId;
    try {
      chainId = web3j.ethChainId().send().getChainId().longValueExact();
    } catch (IOException | RuntimeException e) {
      web3j.shutdown();
      throw new L1Exception("L1 RPC " + rpcUrl + " is unreachable: " + e.getMessage(), e);
    }
    if (expectedChainId != 0 && chainId != expectedChainId) {
      web3j.shutdown();
      throw new L1Exception("L1 RPC " + rpcUrl + " reports chain id " + chainId + ", expected " + expectedChainId
          + " (obsidian.l1.chain-id)");
    }
    return new L1Client(web3j, key.credentials(), chainId, receiptTimeout);
  }

  /**
   * A client for reading only (eth_call, logs). Calls need a "from" address: Anvil's public dev account 0 is used, and
   * nothing is ever signed with it here.
   */
  public static L1Client readOnly(String rpcUrl, Duration timeout) {
    return connect(rpcUrl, L1PrivateKey.ANVIL_DEV_ACCOUNT_0, 0, timeout);
  }

  /**
   * A read-only client that does not contact the node yet (its {@link #chainId()} is 0): for a follower that must
   * start, and retry, while its L1 is unreachable.
   */
  public static L1Client readOnlyUnchecked(String rpcUrl) {
    return new L1Client(Web3j.build(new HttpService(rpcUrl)), L1PrivateKey.ANVIL_DEV_ACCOUNT_0.credentials(), 0,
        Duration.ofSeconds(30));
  }

  public long chainId() {
    return chainId;
  }

  public EthAddress sender() {
    return EthAddress.fromHex(credentials.getAddress());
  }

  public long blockNumber() {
    return rpc("eth_blockNumber", () -> web3j.ethBlockNumber().send()).getBlockNumber().longValueExact();
  }

  /** eth_call at the latest block; a revert throws {@link L1RevertException} with the named error. */
  public byte[] call(EthAddress to, byte[] data, String context) {
    Transaction call = Transaction.createEthCallTransaction(credentials.getAddress(), to.toString(), hex(data));
    EthCall result = rpcRaw("eth_call", () -> web3j.ethCall(call, DefaultBlockParameterName.LATEST).send());
    if (result.hasError() || result.isReverted()) {
      throw revert(result, context);
    }
    return unhex(result.getValue());
  }

  /** Sends a transaction to {@code to} and waits for its receipt; a revert throws {@link L1RevertException}. */
  public synchronized TransactionReceipt send(EthAddress to, byte[] data, String context) {
    return sendRaw(to.toString(), data, context);
  }

  /** Deploys {@code initCode} (bytecode + encoded constructor arguments) and returns the new contract's address. */
  public synchronized EthAddress deploy(byte[] initCode, String context) {
    TransactionReceipt receipt = sendRaw(null, initCode, context);
    return EthAddress.fromHex(receipt.getContractAddress());
  }

  public List<Log> logs(EthFilter filter) {
    List<org.web3j.protocol.core.methods.response.EthLog.LogResult> results =
        rpc("eth_getLogs", () -> web3j.ethGetLogs(filter).send()).getLogs();
    return results.stream().map(result -> (Log) result.get()).toList();
  }

  public Optional<TransactionReceipt> receipt(String txHash) {
    return rpc("eth_getTransactionReceipt", () -> web3j.ethGetTransactionReceipt(txHash).send())
        .getTransactionReceipt();
  }

  public org.web3j.protocol.core.methods.response.Transaction transaction(String txHash) {
    return rpc("eth_getTransactionByHash", () -> web3j.ethGetTransactionByHash(txHash).send()).getTransaction()
        .orElseThrow(() -> new L1Exception("L1 has no transaction " + txHash));
  }

  // ---- pieces of a transaction, for a publisher that manages its own nonces and fees -----------------------------

  /** A signed EIP-1559 transaction, not yet sent: its hash is known before any node has seen it. */
  public record SignedTx(String hash, String raw) {}

  /** One L1 block's number and hash. */
  public record BlockId(long number, String hash) {}

  /** A mined transaction's receipt, reduced to what a publisher journals. */
  public record ReceiptSummary(String txHash, long l1Block, String l1BlockHash, long gasUsed, boolean succeeded) {}

  /** What a node answered to eth_sendRawTransaction. */
  public enum BroadcastResult { ACCEPTED, ALREADY_KNOWN, NONCE_TOO_LOW, UNDERPRICED }

  /** The account's nonce counting transactions mined ({@code pending = false}) or also those in the pool. */
  public long nonce(boolean pending) {
    return rpc("eth_getTransactionCount", () -> web3j.ethGetTransactionCount(credentials.getAddress(),
        pending ? DefaultBlockParameterName.PENDING : DefaultBlockParameterName.LATEST).send())
        .getTransactionCount().longValueExact();
  }

  /** The latest block's base fee per gas, in wei. */
  public BigInteger baseFeePerGas() {
    return rpc("eth_getBlockByNumber",
        () -> web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()).getBlock()
        .getBaseFeePerGas();
  }

  /** The node's suggested priority fee per gas, in wei. */
  public BigInteger maxPriorityFeePerGas() {
    return rpc("eth_maxPriorityFeePerGas", () -> web3j.ethMaxPriorityFeePerGas().send()).getMaxPriorityFeePerGas();
  }

  /** The gas {@code data} sent to {@code to} needs, with a margin; a revert throws {@link L1RevertException}. */
  public long estimateGas(EthAddress to, byte[] data, String context) {
    return estimateGas(to.toString(), data, context).longValueExact();
  }

  /** Signs (deterministically, RFC 6979) a call of {@code to} with these nonce, gas and fees; sends nothing. */
  public SignedTx sign(EthAddress to, byte[] data, long nonce, long gasLimit, BigInteger maxFeePerGas,
      BigInteger maxPriorityFeePerGas) {
    RawTransaction tx = RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce),
        BigInteger.valueOf(gasLimit), to.toString(), BigInteger.ZERO, hex(data), maxPriorityFeePerGas, maxFeePerGas);
    byte[] signed = TransactionEncoder.signMessage(tx, credentials);
    return new SignedTx(hex(org.web3j.crypto.Hash.sha3(signed)), hex(signed));
  }

  /**
   * Sends a signed transaction. A node that already has it, or whose chain already used its nonce, is not an error
   * here: the caller learns which from the result. Other refusals throw {@link L1Exception}.
   */
  public BroadcastResult broadcast(SignedTx tx) {
    EthSendTransaction sent = rpcRaw("eth_sendRawTransaction", () -> web3j.ethSendRawTransaction(tx.raw()).send());
    if (!sent.hasError()) {
      return BroadcastResult.ACCEPTED;
    }
    String message = String.valueOf(sent.getError().getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (message.contains("already known") || message.contains("already imported")
        || message.contains("known transaction")) {
      return BroadcastResult.ALREADY_KNOWN;
    }
    if (message.contains("nonce too low") || message.contains("nonce has already been used")) {
      return BroadcastResult.NONCE_TOO_LOW;
    }
    if (message.contains("underpriced") || message.contains("fee too low")) {
      return BroadcastResult.UNDERPRICED;
    }
    throw new L1Exception("L1 rejected transaction " + tx.hash() + ": " + sent.getError().getMessage());
  }

  /** The receipt of a mined transaction, empty while it is pending or unknown. */
  public Optional<ReceiptSummary> receiptSummary(String txHash) {
    return receipt(txHash).map(r -> new ReceiptSummary(r.getTransactionHash(), r.getBlockNumber().longValueExact(),
        r.getBlockHash(), r.getGasUsed().longValueExact(), r.isStatusOK()));
  }

  /** True when the node knows the transaction (pending in its pool or mined). */
  public boolean knows(String txHash) {
    return rpc("eth_getTransactionByHash", () -> web3j.ethGetTransactionByHash(txHash).send()).getTransaction()
        .isPresent();
  }

  /** The block at {@code number} on the node's current chain, empty past its tip. */
  public Optional<BlockId> block(long number) {
    var block = rpc("eth_getBlockByNumber", () -> web3j.ethGetBlockByNumber(at(number), false).send()).getBlock();
    return block == null ? Optional.empty() : Optional.of(new BlockId(number, block.getHash()));
  }

  Web3j web3j() {
    return web3j;
  }

  private TransactionReceipt sendRaw(String to, byte[] data, String context) {
    BigInteger gasLimit = estimateGas(to, data, context);
    BigInteger nonce = rpc("eth_getTransactionCount",
        () -> web3j.ethGetTransactionCount(credentials.getAddress(), DefaultBlockParameterName.PENDING).send())
        .getTransactionCount();
    BigInteger priorityFee = rpc("eth_maxPriorityFeePerGas", () -> web3j.ethMaxPriorityFeePerGas().send())
        .getMaxPriorityFeePerGas();
    BigInteger baseFee = rpc("eth_getBlockByNumber",
        () -> web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()).getBlock()
        .getBaseFeePerGas();
    BigInteger maxFee = baseFee.multiply(BigInteger.TWO).add(priorityFee);
    RawTransaction tx = RawTransaction.createTransaction(chainId, nonce, gasLimit, to == null ? "" : to,
        BigInteger.ZERO, hex(data), priorityFee, maxFee);
    String signed = hex(TransactionEncoder.signMessage(tx, credentials));
    EthSendTransaction sent = rpcRaw("eth_sendRawTransaction", () -> web3j.ethSendRawTransaction(signed).send());
    if (sent.hasError()) {
      throw new L1Exception(context + ": L1 rejected the transaction: " + sent.getError().getMessage());
    }
    TransactionReceipt receipt = awaitReceipt(sent.getTransactionHash(), context);
    if (!receipt.isStatusOK()) {
      throw new L1Exception(context + ": transaction " + receipt.getTransactionHash() + " reverted in L1 block "
          + receipt.getBlockNumber());
    }
    return receipt;
  }

  private BigInteger estimateGas(String to, byte[] data, String context) {
    Transaction estimate = to == null
        ? Transaction.createContractTransaction(credentials.getAddress(), null, null, hex(data))
        : Transaction.createEthCallTransaction(credentials.getAddress(), to, hex(data));
    EthEstimateGas result = rpcRaw("eth_estimateGas", () -> web3j.ethEstimateGas(estimate).send());
    if (result.hasError()) {
      throw revert(result, context);
    }
    return new java.math.BigDecimal(result.getAmountUsed()).multiply(java.math.BigDecimal.valueOf(GAS_MARGIN))
        .toBigInteger();
  }

  private TransactionReceipt awaitReceipt(String txHash, String context) {
    long deadline = System.nanoTime() + receiptTimeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<TransactionReceipt> receipt = receipt(txHash);
      if (receipt.isPresent()) {
        return receipt.get();
      }
      sleep(RECEIPT_POLL);
    }
    throw new L1Exception(context + ": no receipt for " + txHash + " within " + receiptTimeout.toSeconds() + " s");
  }

  private L1Exception revert(Response<?> response, String context) {
    if (response.hasError() && response.getError().getData() == null) {
      return new L1Exception(context + " failed: " + response.getError().getMessage());
    }
    String data = response.hasError() ? response.getError().getData() : ((EthCall) response).getValue();
    if (data != null && data.startsWith("\"")) {
      data = data.substring(1, data.length() - 1);
    }
    return errors.decode(data, context);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new L1Exception("interrupted while waiting for L1", e);
    }
  }

  interface RpcCall<T> {
    T send() throws IOException;
  }

  private static <T extends Response<?>> T rpc(String method, RpcCall<T> call) {
    T response = rpcRaw(method, call);
    if (response.hasError()) {
      throw new L1Exception(method + " failed: " + response.getError().getMessage());
    }
    return response;
  }

  private static <T> T rpcRaw(String method, RpcCall<T> call) {
    try {
      return call.send();
    } catch (IOException e) {
      throw new L1Exception(method + " failed: L1 RPC unreachable: " + e.getMessage(), e);
    }
  }

  static String hex(byte[] bytes) {
    return "0x" + HexFormat.of().formatHex(bytes);
  }

  static byte[] unhex(String hex) {
    if (hex == null || hex.equals("0x")) {
      return new byte[0];
    }
    return HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex);
  }

  static DefaultBlockParameter at(long blockNumber) {
    return DefaultBlockParameter.valueOf(BigInteger.valueOf(blockNumber));
  }

  @Override
  public void close() {
    web3j.shutdown();
  }
}

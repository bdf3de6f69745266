package dev.obsidian.node.rpc;

import static dev.obsidian.node.rpc.Decoders.list;
import static dev.obsidian.node.rpc.Decoders.objectWithOnly;
import static dev.obsidian.node.rpc.Decoders.requiredMember;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.obsidian.actors.tx.Expiration;
import dev.obsidian.actors.tx.Gas;
import dev.obsidian.actors.tx.GasFees;
import dev.obsidian.actors.tx.GasSettings;
import dev.obsidian.actors.tx.PrivateLog;
import dev.obsidian.actors.tx.PublicCallRequest;
import dev.obsidian.actors.tx.PublicDataWrite;
import dev.obsidian.actors.tx.PublicLog;
import dev.obsidian.actors.tx.ScopedL2ToL1Message;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.crypto.protocol.Constants;
import dev.obsidian.crypto.protocol.EthAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The JSON form of a {@link Tx}, with Aztec's member names where Aztec has the member: field elements and
 * addresses as 0x-hex, amounts as JSON integers, the proof as 0x-hex bytes. Decoding checks every count
 * against Aztec 4.1.2's per-tx constants before reading the elements, refuses unknown members, and refuses a
 * tx larger than {@code obsidian.limits.max-tx-bytes}.
 */
public final class TxJson {

  private static final Decoder<Fr> FR = Decoders.fr();
  private static final Decoder<AztecAddress> AZTEC_ADDRESS = Decoders.aztecAddress();
  private static final Decoder<Long> UNSIGNED = Decoders.integer(0, Long.MAX_VALUE);
  private static final Decoder<Long> GAS = Decoders.integer(0, Gas.MAX_GAS);

  private TxJson() {}

  /** Decodes a tx of at most {@code maxTxBytes} (as {@link Tx#sizeBytes()} counts them). */
  public static Decoder<Tx> decoder(long maxTxBytes) {
    Decoder<byte[]> proof = Decoders.hexBytes((int) Math.min(Tx.MAX_PROOF_BYTES, maxTxBytes));
    return (value, field) -> {
      objectWithOnly(value, field, Set.of("anchorBlockHash", "chainId", "rollupVersion", "effects", "publicCalls",
          "gasSettings", "feePayer", "expiration", "proof"));
      Tx tx = construct(field, () -> new Tx(
          requiredMember(value, field, "anchorBlockHash", FR),
          requiredMember(value, field, "chainId", UNSIGNED),
          requiredMember(value, field, "rollupVersion", UNSIGNED),
          requiredMember(value, field, "effects", effects()),
          requiredMember(value, field, "publicCalls", list(publicCall(), Constants.MAX_ENQUEUED_CALLS_PER_TX)),
          requiredMember(value, field, "gasSettings", gasSettings()),
          requiredMember(value, field, "feePayer", AZTEC_ADDRESS),
          requiredMember(value, field, "expiration", expiration()),
          requiredMember(value, field, "proof", proof)));
      if (tx.sizeBytes() > maxTxBytes) {
        throw RpcException.invalidParams(field, "is " + tx.sizeBytes() + " bytes, at most " + maxTxBytes
            + " allowed (obsidian.limits.max-tx-bytes)");
      }
      return tx;
    };
  }

  public static ObjectNode encode(Tx tx) {
    ObjectNode json = RpcJson.object();
    json.put("anchorBlockHash", tx.anchorBlockHash().toHex());
    json.put("chainId", tx.chainId());
    json.put("rollupVersion", tx.rollupVersion());
    json.set("effects", encode(tx.effects()));
    ArrayNode calls = json.putArray("publicCalls");
    tx.publicCalls().forEach(call -> calls.add(encode(call)));
    json.set("gasSettings", encode(tx.gasSettings()));
    json.put("feePayer", tx.feePayer().toField().toHex());
    json.set("expiration", RpcJson.object()
        .put("maxBlockNumber", tx.expiration().maxBlockNumber())
        .put("maxTimestampSeconds", tx.expiration().maxTimestampSeconds()));
    json.put("proof", "0x" + HexFormat.of().formatHex(tx.proof()));
    return json;
  }

  static ObjectNode encode(TxEffects effects) {
    ObjectNode json = RpcJson.object();
    json.set("nullifiers", fields(effects.nullifiers()));
    json.set("noteHashes", fields(effects.noteHashes()));
    ArrayNode writes = json.putArray("publicDataWrites");
    effects.publicDataWrites().forEach(write -> writes.addObject()
        .put("leafSlot", write.leafSlot().toHex())
        .put("value", write.value().toHex()));
    ArrayNode messages = json.putArray("l2ToL1Messages");
    effects.l2ToL1Messages().forEach(message -> messages.addObject()
        .put("recipient", message.recipient().toString())
        .put("content", message.content().toHex())
        .put("sender", message.sender().toField().toHex()));
    ArrayNode privateLogs = json.putArray("privateLogs");
    effects.privateLogs().forEach(log -> privateLogs.addObject().set("fields", fields(log.fields())));
    ArrayNode publicLogs = json.putArray("publicLogs");
    effects.publicLogs().forEach(log -> publicLogs.addObject()
        .put("contract", log.contract().toField().toHex())
        .set("fields", fields(log.fields())));
    return json;
  }

  static ArrayNode fields(List<Fr> values) {
    ArrayNode array = RpcJson.NODES.arrayNode(values.size());
    values.forEach(value -> array.add(value.toHex()));
    return array;
  }

  private static ObjectNode encode(PublicCallRequest call) {
    return RpcJson.object()
        .put("msgSender", call.msgSender().toField().toHex())
        .put("contractAddress", call.contract().toField().toHex())
        .put("isStaticCall", call.isStaticCall())
        .put("calldataHash", call.calldataHash().toHex());
  }

  private static ObjectNode encode(GasSettings gas) {
    ObjectNode json = RpcJson.object();
    json.set("gasLimits", encode(gas.gasLimits()));
    json.set("teardownGasLimits", encode(gas.teardownGasLimits()));
    json.set("maxFeesPerGas", encode(gas.maxFeesPerGas()));
    json.set("maxPriorityFeesPerGas", encode(gas.maxPriorityFeesPerGas()));
    return json;
  }

  private static ObjectNode encode(Gas gas) {
    return RpcJson.object().put("daGas", gas.daGas()).put("l2Gas", gas.l2Gas());
  }

  static ObjectNode encode(GasFees fees) {
    return RpcJson.object().put("feePerDaGas", fees.feePerDaGas()).put("feePerL2Gas", fees.feePerL2Gas());
  }

  private static Decoder<TxEffects> effects() {
    return (value, field) -> {
      objectWithOnly(value, field, Set.of("nullifiers", "noteHashes", "publicDataWrites", "l2ToL1Messages",
          "privateLogs", "publicLogs"));
      return construct(field, () -> new TxEffects(
          requiredMember(value, field, "nullifiers", list(FR, Constants.MAX_NULLIFIERS_PER_TX)),
          requiredMember(value, field, "noteHashes", list(FR, Constants.MAX_NOTE_HASHES_PER_TX)),
          requiredMember(value, field, "publicDataWrites",
              list(publicDataWrite(), Constants.MAX_TOTAL_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX)),
          requiredMember(value, field, "l2ToL1Messages", list(l2ToL1Message(), Constants.MAX_L2_TO_L1_MSGS_PER_TX)),
          requiredMember(value, field, "privateLogs", list(privateLog(), Constants.MAX_PRIVATE_LOGS_PER_TX)),
          requiredMember(value, field, "publicLogs", list(publicLog(),
              TxEffects.MAX_PUBLIC_LOGS_PAYLOAD_FIELDS / TxEffects.PUBLIC_LOG_HEADER_FIELDS))));
    };
  }

  private static Decoder<PublicDataWrite> publicDataWrite() {
    return (value, field) -> {
      objectWithOnly(value, field, Set.of("leafSlot", "value"));
      return construct(field, () -> new PublicDataWrite(
          requiredMember(value, field, "leafSlot", FR), requiredMember(value, field, "value", FR)));
    };
  }

  private static Decoder<ScopedL2ToL1Message> l2ToL1Message() {
    Decoder<EthAddress> recipient = Decoders.ethAddress();
    return (value, field) -> {
      objectWithOnly(value, field, Set.of("recipient", "content", "sender"));
      return construct(field, () -> new ScopedL2ToL1Message(
          requiredMember(value, field, "recipient", recipient),
          requiredMember(value, field, "content", FR),
          requiredMember(value, field, "sender", AZTEC_ADDRESS)));
    };
  }

  private static Decoder<PrivateLog> privateLog() {
    return (value, field) -> {
      objectWithOnly(value, field, Set.of("fields"));
      return construct(field, () -> new PrivateLog(
          requiredMember(value, field, "fields", list(FR, Constants.PRIVATE_LOG_SIZE_IN_FIELDS))));
    };
  }

  private static Decoder<PublicLog> publicLog() {
    return (value, field) -> {
      objectWithOnly(value, field, Set.of("contract", "fields"));
      return construct(field, () -> new PublicLog(
          requiredMember(value, field, "contract", AZTEC_ADDRESS),
          requiredMember(value, field, "fields", list(FR, Constants.MAX_PUBLIC_LOG_SIZE_IN_FIELDS))));
    };
  }

  private static Decoder<PublicCallRequest> publicCall() {
    Decoder<Boolean> bool = Decoders.bool();
    return (value, field) -> {
      objectWithOnly(value, field, Set.of("msgSender", "contractAddress", "isStaticCall", "calldataHash"));
      return construct(field, () -> new PublicCallRequest(
          requiredMember(value, field, "msgSender", AZTEC_ADDRESS),
          requiredMember(value, field, "contractAddress", AZTEC_ADDRESS),
          requiredMember(value, field, "isStaticCall", bool),
          requiredMember(value, field, "calldataHash", FR)));
    };
  }

  private static Decoder<GasSettings> gasSettings() {
    return (value, field) -> {
      objectWithOnly(value, field, Set.of("gasLimits", "teardownGasLimits", "maxFeesPerGas", "maxPriorityFeesPerGas"));
      return construct(field, () -> new GasSettings(
          requiredMember(value, field, "gasLimits", gas()),
          requiredMember(value, field, "teardownGasLimits", gas()),
          requiredMember(value, field, "maxFeesPerGas", gasFees()),
          requiredMember(value, field, "maxPriorityFeesPerGas", gasFees())));
    };
  }

  private static Decoder<Gas> gas() {
    return (value, field) -> {
      objectWithOnly(value, field, Set.of("daGas", "l2Gas"));
      return construct(field, () -> new Gas(
          requiredMember(value, field, "daGas", GAS), requiredMember(value, field, "l2Gas", GAS)));
    };
  }

  private static Decoder<GasFees> gasFees() {
    return (value, field) -> {
      objectWithOnly(value, field, Set.of("feePerDaGas", "feePerL2Gas"));
      return construct(field, () -> new GasFees(
          requiredMember(value, field, "feePerDaGas", UNSIGNED),
          requiredMember(value, field, "feePerL2Gas", UNSIGNED)));
    };
  }

  private static Decoder<Expiration> expiration() {
    return (value, field) -> {
      objectWithOnly(value, field, Set.of("maxBlockNumber", "maxTimestampSeconds"));
      return construct(field, () -> new Expiration(
          requiredMember(value, field, "maxBlockNumber", UNSIGNED),
          requiredMember(value, field, "maxTimestampSeconds", UNSIGNED)));
    };
  }

  /** Runs a record constructor; its checks (distinct nullifiers, no zero entries...) become invalid params. */
  private static <T> T construct(String field, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParams(field, Text.message(e.getMessage()));
    }
  }
}

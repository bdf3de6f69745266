package dev.obsidian.node.rpc;

import static dev.obsidian.node.rpc.Param.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.obsidian.actors.BlockParameter;
import dev.obsidian.actors.NodeApi;
import dev.obsidian.actors.TxVerdict;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxHash;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.protocol.AztecAddress;
import dev.obsidian.merkle.MerkleTreeException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Aztec's {@code node_*} JSON-RPC methods (stdlib interfaces/aztec-node.ts) bound to {@link NodeApi}: each
 * declares its parameters with capped decoders, calls the facade, and encodes the answer with
 * {@link NodeJson}. A tx the mempool refuses is {@link ErrorCode#TX_REJECTED} with the rejection code as
 * {@code data.kind}; a query about a block the node does not have (or has pruned) is invalid params.
 */
public final class NodeRpcMethods {

  private static final Param<TxHash> TX_HASH = required("txHash", (value, field) ->
      new TxHash(Decoders.fr().decode(value, field)));
  private static final Param<BlockParameter> BLOCK = required("block", blockParameter());
  private static final Param<Fr> NOTE_HASH = required("noteHash", Decoders.fr());
  private static final Param<Fr> L1_TO_L2_MESSAGE = required("l1ToL2Message", Decoders.fr());
  private static final Param<Fr> NULLIFIER = required("nullifier", Decoders.fr());
  private static final Param<Fr> LEAF_SLOT = required("leafSlot", Decoders.fr());
  private static final Param<AztecAddress> CONTRACT = required("contract", Decoders.aztecAddress());
  private static final Param<Fr> SLOT = required("slot", Decoders.fr());
  private static final Param<Long> FROM = required("from", Decoders.integer(0, Long.MAX_VALUE));
  private static final Param<Long> LIMIT = required("limit", Decoders.integer(1, NodeApi.MAX_BLOCKS_PER_REQUEST));

  private final NodeApi api;

  private NodeRpcMethods(NodeApi api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  /**
   * @param maxTxBytes largest tx accepted ({@code obsidian.limits.max-tx-bytes})
   */
  public static RpcMethods create(NodeApi api, RpcLimits limits, long maxTxBytes) {
    NodeRpcMethods node = new NodeRpcMethods(api);
    Param<Tx> tx = required("tx", TxJson.decoder(maxTxBytes));
    Param<List<Fr>> tags = required("tags",
        Decoders.list(Decoders.fr(), Math.min(NodeApi.MAX_TAGS_PER_REQUEST, limits.maxArrayLength())));
    RpcMethods.Builder methods = RpcMethods.builder();
    node.addChainMethods(methods);
    node.addTxMethods(methods, tx);
    node.addStateMethods(methods, tags);
    return methods.build();
  }

  private void addChainMethods(RpcMethods.Builder methods) {
    methods.add("node_getBlockNumber", List.of(), args -> answer(api::getBlockNumber, LongNode::valueOf));
    methods.add("node_getProvenBlockNumber", List.of(),
        args -> answer(api::getProvenBlockNumber, LongNode::valueOf));
    methods.add("node_getBlock", List.of(BLOCK), args -> answer(() -> block(args.get(BLOCK)),
        block -> NodeJson.optional(block.map(NodeJson::block))));
    methods.add("node_getBlocks", List.of(FROM, LIMIT), args -> answer(
        () -> api.getBlocks(args.get(FROM), Math.toIntExact(args.get(LIMIT))),
        blocks -> {
          var array = RpcJson.NODES.arrayNode(blocks.size());
          blocks.forEach(block -> array.add(NodeJson.block(block)));
          return array;
        }));
    methods.add("node_getWorldStateSyncStatus", List.of(),
        args -> answer(api::getWorldStateSyncStatus, NodeJson::syncStatus));
    methods.add("node_getNodeInfo", List.of(), args -> answer(
        () -> api.getNodeInfo().thenCombine(api.getL1ContractAddresses(), NodeJson::nodeInfo)
            .thenCombine(api.getL1PublisherStats(), NodeJson::withL1Publisher), json -> json));
    methods.add("node_getL2Tips", List.of(), args -> answer(api::getL2Tips, NodeJson::l2Tips));
    methods.add("node_getL1ContractAddresses", List.of(),
        args -> answer(api::getL1ContractAddresses, NodeJson::l1ContractAddresses));
    methods.add("node_isReady", List.of(), args -> answer(api::isReady, BooleanNode::valueOf));
  }

  private void addTxMethods(RpcMethods.Builder methods, Param<Tx> tx) {
    methods.add("node_sendTx", List.of(tx), args -> answer(() -> api.sendTx(args.get(tx)), NodeRpcMethods::accepted));
    methods.add("node_isValidTx", List.of(tx), args -> answer(() -> api.isValidTx(args.get(tx)), NodeJson::validation));
    methods.add("node_getTxReceipt", List.of(TX_HASH),
        args -> answer(() -> api.getTxReceipt(args.get(TX_HASH)), NodeJson::receipt));
    methods.add("node_getTxEffect", List.of(TX_HASH), args -> answer(() -> api.getTxEffect(args.get(TX_HASH)),
        effect -> NodeJson.optional(effect.map(NodeJson::indexedTxEffect))));
    methods.add("node_getPendingTxCount", List.of(), args -> answer(api::getPendingTxCount, IntNode::valueOf));
  }

  private void addStateMethods(RpcMethods.Builder methods, Param<List<Fr>> tags) {
    methods.add("node_getNoteHashMembershipWitness", List.of(BLOCK, NOTE_HASH), args -> answer(
        () -> api.getNoteHashMembershipWitness(args.get(BLOCK), args.get(NOTE_HASH)),
        witness -> NodeJson.optional(witness.map(NodeJson::membershipWitness))));
    methods.add("node_getL1ToL2MessageMembershipWitness", List.of(BLOCK, L1_TO_L2_MESSAGE), args -> answer(
        () -> api.getL1ToL2MessageMembershipWitness(args.get(BLOCK), args.get(L1_TO_L2_MESSAGE)),
        witness -> NodeJson.optional(witness.map(NodeJson::membershipWitness))));
    methods.add("node_getNullifierMembershipWitness", List.of(BLOCK, NULLIFIER), args -> answer(
        () -> api.getNullifierMembershipWitness(args.get(BLOCK), args.get(NULLIFIER)),
        witness -> NodeJson.optional(witness.map(NodeJson::leafWitness))));
    methods.add("node_getLowNullifierMembershipWitness", List.of(BLOCK, NULLIFIER), args -> answer(
        () -> api.getLowNullifierMembershipWitness(args.get(BLOCK), args.get(NULLIFIER)),
        witness -> NodeJson.optional(witness.map(NodeJson::leafWitness))));
    methods.add("node_getPublicDataWitness", List.of(BLOCK, LEAF_SLOT), args -> answer(
        () -> api.getPublicDataWitness(args.get(BLOCK), args.get(LEAF_SLOT)),
        witness -> NodeJson.optional(witness.map(NodeJson::leafWitness))));
    methods.add("node_getPublicStorageAt", List.of(BLOCK, CONTRACT, SLOT), args -> answer(
        () -> api.getPublicStorageAt(args.get(BLOCK), args.get(CONTRACT), args.get(SLOT)),
        value -> TextNode.valueOf(value.toHex())));
    methods.add("node_getPrivateLogsByTags", List.of(tags), args -> answer(
        () -> api.getPrivateLogsByTags(args.get(tags)), NodeJson::logsByTag));
  }

  /** {@code node_getBlock} takes a number or "latest", as Aztec's BlockParameter. */
  private CompletionStage<java.util.Optional<dev.obsidian.actors.block.L2Block>> block(BlockParameter block) {
    if (!block.isLatest()) {
      return api.getBlock(block.number());
    }
    return api.getBlockNumber().thenCompose(api::getBlock);
  }

  private static JsonNode accepted(TxVerdict verdict) {
    return switch (verdict) {
      case TxVerdict.Accepted accepted -> TextNode.valueOf(accepted.txHash().toString());
      case TxVerdict.Rejected rejected ->
          throw RpcException.txRejected(rejected.code().name(), rejected.field(), Text.message(rejected.reason()));
    };
  }

  /**
   * Calls the facade and encodes its answer. The facade's documented failures for bad arguments
   * ({@link IllegalArgumentException}) and the store's for blocks it does not hold become invalid params;
   * anything else stays an internal error.
   */
  private static <T> CompletionStage<JsonNode> answer(Supplier<CompletionStage<T>> call,
      Function<? super T, ? extends JsonNode> encode) {
    CompletionStage<T> stage;
    try {
      stage = call.get();
    } catch (IllegalArgumentException | MerkleTreeException e) {
      return CompletableFuture.failedFuture(asInvalidParams(e));
    }
    return stage.handle((value, failure) -> {
      if (failure == null) {
        return encode.apply(value);
      }
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      if (cause instanceof IllegalArgumentException || cause instanceof MerkleTreeException) {
        throw asInvalidParams(cause);
      }
      throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
    });
  }

  private static RpcException asInvalidParams(Throwable cause) {
    return RpcException.invalidParams("params", Text.message(cause.getMessage()));
  }

  private static Decoder<BlockParameter> blockParameter() {
    Decoder<Long> number = Decoders.integer(0, Long.MAX_VALUE);
    Decoder<String> latest = Decoders.oneOf(java.util.Set.of("latest"));
    return (value, field) -> {
      if (value.isTextual()) {
        latest.decode(value, field);
        return BlockParameter.LATEST;
      }
      if (!value.isIntegralNumber()) {
        throw RpcException.invalidParams(field, "expected a block number or \"latest\", got " + Text.describe(value));
      }
      return BlockParameter.at(number.decode(value, field));
    };
  }
}

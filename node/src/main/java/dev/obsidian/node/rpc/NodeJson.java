package dev.obsidian.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.obsidian.actors.IndexedTxEffect;
import dev.obsidian.actors.MembershipWitness;
import dev.obsidian.actors.NodeInfo;
import dev.obsidian.actors.TaggedPrivateLog;
import dev.obsidian.actors.TxReceipt;
import dev.obsidian.actors.TxVerdict;
import dev.obsidian.actors.WorldStateSyncStatus;
import dev.obsidian.actors.block.BlockHeader;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.merkle.LeafWitness;
import dev.obsidian.merkle.NullifierLeaf;
import dev.obsidian.merkle.PublicDataLeaf;
import dev.obsidian.merkle.SiblingPath;
import dev.obsidian.merkle.TreeInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON form of what the node answers, with Aztec's member names (stdlib's toJSON shapes) where Obsidian
 * has the same data: trees as {@code {root, nextAvailableLeafIndex}}, state as {@code {l1ToL2MessageTree,
 * partial: {noteHashTree, nullifierTree, publicDataTree}}}, receipts with a lowercase status.
 */
final class NodeJson {

  private NodeJson() {}

  static JsonNode optional(Optional<? extends JsonNode> value) {
    return value.isPresent() ? value.get() : NullNode.getInstance();
  }

  static ObjectNode block(L2Block block) {
    ObjectNode json = RpcJson.object();
    json.put("number", block.number());
    json.put("hash", block.hash().toHex());
    json.set("archive", tree(block.archive()));
    json.set("header", header(block.header()));
    ArrayNode effects = json.putArray("txEffects");
    block.txEffects().forEach(effect -> effects.add(txEffect(effect)));
    ArrayNode messages = json.putArray("l1ToL2Messages");
    block.l1ToL2Messages().forEach(message -> messages.add(message.toHex()));
    return json;
  }

  static ObjectNode header(BlockHeader header) {
    ObjectNode json = RpcJson.object();
    json.set("lastArchive", tree(header.lastArchive()));
    json.set("state", state(header.state()));
    json.put("spongeBlobHash", header.spongeBlobHash().toHex());
    json.set("globalVariables", globals(header.globals()));
    json.put("totalFees", header.totalFees().toHex());
    json.put("totalManaUsed", header.totalManaUsed());
    return json;
  }

  static ObjectNode state(StateReference state) {
    ObjectNode json = RpcJson.object();
    json.set("l1ToL2MessageTree", tree(state.l1ToL2MessageTree()));
    ObjectNode partial = json.putObject("partial");
    partial.set("noteHashTree", tree(state.noteHashTree()));
    partial.set("nullifierTree", tree(state.nullifierTree()));
    partial.set("publicDataTree", tree(state.publicDataTree()));
    return json;
  }

  static ObjectNode tree(TreeInfo tree) {
    return RpcJson.object().put("root", tree.root().toHex()).put("nextAvailableLeafIndex", tree.size());
  }

  private static ObjectNode globals(GlobalVariables globals) {
    ObjectNode json = RpcJson.object()
        .put("chainId", globals.chainId())
        .put("version", globals.version())
        .put("blockNumber", globals.blockNumber())
        .put("slotNumber", globals.slotNumber())
        .put("timestamp", globals.timestampSeconds())
        .put("coinbase", globals.coinbase().toString())
        .put("feeRecipient", globals.feeRecipient().toField().toHex());
    json.set("gasFees", TxJson.encode(globals.gasFees()));
    return json;
  }

  static ObjectNode txEffect(TxEffect effect) {
    ObjectNode json = RpcJson.object();
    json.put("txHash", effect.txHash().toString());
    json.put("transactionFee", effect.transactionFee());
    json.setAll(TxJson.encode(effect.effects()));
    return json;
  }

  static ObjectNode indexedTxEffect(IndexedTxEffect indexed) {
    ObjectNode json = RpcJson.object();
    json.put("l2BlockNumber", indexed.blockNumber());
    json.put("l2BlockHash", indexed.blockHash().toHex());
    json.put("txIndexInBlock", indexed.txIndexInBlock());
    json.set("data", txEffect(indexed.effect()));
    return json;
  }

  static ObjectNode receipt(TxReceipt receipt) {
    ObjectNode json = RpcJson.object();
    json.put("txHash", receipt.txHash().toString());
    json.put("status", receipt.status().name().toLowerCase(Locale.ROOT));
    json.put("error", receipt.dropReason().orElse(""));
    receipt.blockNumber().ifPresent(number -> json.put("blockNumber", number));
    receipt.blockHash().ifPresent(hash -> json.put("blockHash", hash.toHex()));
    json.put("transactionFee", receipt.transactionFee());
    return json;
  }

  /** {@code node_isValidTx}'s answer, Aztec's TxValidationResult shape: {@code {result, reason[]}}. */
  static ObjectNode validation(TxVerdict verdict) {
    return switch (verdict) {
      case TxVerdict.Accepted accepted -> RpcJson.object()
          .put("result", "valid")
          .put("txHash", accepted.txHash().toString());
      case TxVerdict.Rejected rejected -> {
        ObjectNode json = RpcJson.object().put("result", "invalid");
        json.putArray("reason").add(rejected.reason());
        json.put("code", rejected.code().name());
        json.put("field", rejected.field());
        yield json;
      }
    };
  }

  static ObjectNode membershipWitness(MembershipWitness witness) {
    ObjectNode json = RpcJson.object();
    json.put("leafIndex", witness.leafIndex());
    json.set("siblingPath", siblingPath(witness.siblingPath()));
    return json;
  }

  /** Aztec's NullifierMembershipWitness and PublicDataWitness: index, leafPreimage, siblingPath. */
  static ObjectNode leafWitness(LeafWitness witness) {
    ObjectNode json = RpcJson.object();
    json.put("index", witness.index());
    json.set("leafPreimage", switch (witness.leaf()) {
      case NullifierLeaf leaf -> RpcJson.object()
          .put("nullifier", leaf.nullifier().toHex())
          .put("nextNullifier", leaf.nextNullifier().toHex())
          .put("nextIndex", leaf.nextIndex());
      case PublicDataLeaf leaf -> RpcJson.object()
          .put("slot", leaf.slot().toHex())
          .put("value", leaf.value().toHex())
          .put("nextSlot", leaf.nextSlot().toHex())
          .put("nextIndex", leaf.nextIndex());
    });
    json.set("siblingPath", siblingPath(witness.path()));
    return json;
  }

  private static ArrayNode siblingPath(SiblingPath path) {
    return TxJson.fields(path.siblings());
  }

  static ArrayNode logsByTag(List<List<TaggedPrivateLog>> logsPerTag) {
    ArrayNode json = RpcJson.NODES.arrayNode(logsPerTag.size());
    for (List<TaggedPrivateLog> logs : logsPerTag) {
      ArrayNode forTag = json.addArray();
      logs.forEach(log -> forTag.add(taggedLog(log)));
    }
    return json;
  }

  private static ObjectNode taggedLog(TaggedPrivateLog log) {
    ObjectNode json = RpcJson.object();
    json.put("txHash", log.txHash().toString());
    json.put("blockNumber", log.blockNumber());
    json.put("txIndexInBlock", log.txIndexInBlock());
    json.putObject("log").set("fields", TxJson.fields(log.log().fields()));
    json.set("noteHashes", TxJson.fields(log.noteHashes()));
    return json;
  }

  static ObjectNode syncStatus(WorldStateSyncStatus status) {
    return RpcJson.object()
        .put("latestBlockNumber", status.latestBlockNumber())
        .put("latestBlockHash", status.latestBlockHash().toHex())
        .put("provenBlockNumber", status.provenBlockNumber())
        .put("oldestHistoricBlockNumber", status.oldestHistoricBlockNumber());
  }

  /** Aztec's L2Tips: each tip as {number, hash}. */
  static ObjectNode l2Tips(dev.obsidian.actors.L2Tips tips) {
    ObjectNode json = RpcJson.object();
    json.set("proposed", blockId(tips.proposed()));
    json.set("checkpointed", blockId(tips.checkpointed()));
    json.set("proven", blockId(tips.proven()));
    json.set("finalized", blockId(tips.finalized()));
    return json;
  }

  private static ObjectNode blockId(dev.obsidian.actors.L2Tips.BlockId id) {
    return RpcJson.object().put("number", id.number()).put("hash", id.hash().toHex());
  }

  /**
   * Obsidian's {@code l1Publisher} member of NodeInfo (not Aztec's): the published height, the L1 latency of blocks
   * (hand-over to published, in ms) and the last failed attempt; absent without an L1 publisher.
   */
  static ObjectNode withL1Publisher(ObjectNode nodeInfo,
      java.util.Optional<dev.obsidian.actors.L1Publisher.PublisherStats> stats) {
    stats.ifPresent(s -> {
      ObjectNode publisher = nodeInfo.putObject("l1Publisher");
      publisher.put("publishedBlockNumber", s.publishedBlockNumber());
      publisher.putObject("latencyMs").put("samples", s.latencySamples()).put("p50", s.latencyP50Millis())
          .put("p90", s.latencyP90Millis()).put("max", s.latencyMaxMillis());
      if (s.lastError().isPresent()) {
        publisher.put("lastError", s.lastError().get());
      } else {
        publisher.putNull("lastError");
      }
    });
    return nodeInfo;
  }

  /** Aztec's NodeInfo with its l1ContractAddresses member. */
  static ObjectNode nodeInfo(NodeInfo info, java.util.Map<String, String> l1ContractAddresses) {
    ObjectNode json = nodeInfo(info);
    json.set("l1ContractAddresses", l1ContractAddresses(l1ContractAddresses));
    return json;
  }

  static ObjectNode l1ContractAddresses(java.util.Map<String, String> addresses) {
    ObjectNode json = RpcJson.object();
    new java.util.TreeMap<>(addresses).forEach(json::put);
    return json;
  }

  static ObjectNode nodeInfo(NodeInfo info) {
    ObjectNode json = RpcJson.object()
        .put("nodeVersion", info.nodeVersion())
        .put("l1ChainId", info.l1ChainId())
        .put("rollupVersion", info.rollupVersion())
        .put("protocolVersion", info.protocolVersion());
    ArrayNode notes = json.putArray("notes");
    info.notes().forEach(notes::add);
    return json;
  }
}

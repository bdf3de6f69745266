package dev.obsidian.node.cli.replay;

import dev.obsidian.actors.block.StateReference;
import dev.obsidian.actors.replay.BlockReplay;
import dev.obsidian.actors.replay.Divergence;
import dev.obsidian.actors.replay.TxDiff;
import dev.obsidian.actors.tx.PrivateLog;
import dev.obsidian.actors.tx.PublicLog;
import dev.obsidian.actors.tx.ScopedL2ToL1Message;
import dev.obsidian.merkle.TreeInfo;
import java.util.ArrayList;
import java.util.List;

/** Renders a {@link BlockReplay} as text lines or one JSON object; {@code onlyTx} limits the diffs shown to one tx. */
final class ReplayReport {
  private static final String CHECKED = "globals and tx order as proposed, tx effects as admitted, lastArchive, "
      + "the four state trees, spongeBlobHash, totalFees and archive";

  private final BlockReplay replay;
  private final List<TxDiff> shown;

  ReplayReport(BlockReplay replay, Integer onlyTx) {
    this.replay = replay;
    this.shown = onlyTx == null ? replay.txs()
        : replay.txs().stream().filter(tx -> tx.txIndex() == onlyTx).toList();
  }

  List<String> text() {
    List<String> lines = new ArrayList<>();
    lines.add("block " + replay.blockNumber() + " " + replay.blockHash() + ": " + replay.txCount()
        + " txs re-executed on " + replay.baseSource());
    lines.add("  start   " + state(replay.start()));
    for (TxDiff tx : shown) {
      txLines(tx, lines);
    }
    replay.end().ifPresent(end -> lines.add("  end     " + state(end)));
    replay.archive().ifPresent(archive -> lines.add("  archive " + tree(archive)));
    lines.add(replay.divergence().map(d -> "DIVERGENCE " + d.describe())
        .orElse("ok: block " + replay.blockNumber() + " matches the journal (" + CHECKED + ")"));
    return lines;
  }

  private static void txLines(TxDiff tx, List<String> lines) {
    lines.add("tx " + tx.txIndex() + " " + tx.txHash());
    tx.nullifiers().forEach(leaf -> lines.add("  nullifier    [" + leaf.index() + "] " + leaf.value()));
    tx.noteHashes().forEach(leaf -> lines.add("  note hash    [" + leaf.index() + "] " + leaf.value()));
    for (TxDiff.SlotWrite write : tx.publicData()) {
      lines.add("  public slot  " + write.leafSlot() + " " + write.oldValue() + " -> " + write.newValue() + " ("
          + (write.created() ? "new leaf " : "leaf ") + write.leafIndex() + ")");
    }
    for (ScopedL2ToL1Message message : tx.l2ToL1Messages()) {
      lines.add("  l2->l1 msg   to " + message.recipient() + " from " + message.sender() + " content " + message.content());
    }
    for (PrivateLog log : tx.privateLogs()) {
      lines.add("  private log  tag " + log.tag() + " (" + log.fields().size() + " fields)");
    }
    for (PublicLog log : tx.publicLogs()) {
      lines.add("  public log   " + log.contract() + " (" + log.fields().size() + " fields)");
    }
    lines.add("  after   " + state(tx.stateAfter()));
  }

  private static String state(StateReference state) {
    return "note-hash " + tree(state.noteHashTree()) + "  nullifier " + tree(state.nullifierTree())
        + "  public-data " + tree(state.publicDataTree()) + "  l1-to-l2 " + tree(state.l1ToL2MessageTree());
  }

  private static String tree(TreeInfo tree) {
    return tree.root() + " (" + tree.size() + ")";
  }

  String json() {
    return Json.object()
        .put("blockNumber", replay.blockNumber())
        .put("blockHash", replay.blockHash())
        .put("txCount", replay.txCount())
        .put("baseSource", replay.baseSource())
        .raw("start", Json.state(replay.start()))
        .raw("txs", Json.array(shown, ReplayReport::txJson))
        .raw("end", replay.end().map(Json::state).orElse("null"))
        .raw("archive", replay.archive().map(Json::tree).orElse("null"))
        .put("matches", replay.matches())
        .raw("divergence", replay.divergence().map(ReplayReport::divergenceJson).orElse("null"))
        .build();
  }

  private static String txJson(TxDiff tx) {
    return Json.object()
        .put("index", tx.txIndex())
        .put("txHash", tx.txHash().value())
        .raw("nullifiers", Json.array(tx.nullifiers(), ReplayReport::leafJson))
        .raw("noteHashes", Json.array(tx.noteHashes(), ReplayReport::leafJson))
        .raw("publicData", Json.array(tx.publicData(), w -> Json.object().put("leafSlot", w.leafSlot())
            .put("oldValue", w.oldValue()).put("newValue", w.newValue()).put("created", w.created())
            .put("leafIndex", w.leafIndex()).build()))
        .raw("l2ToL1Messages", Json.array(tx.l2ToL1Messages(), m -> Json.object()
            .put("recipient", m.recipient().toString()).put("sender", m.sender().toString()).put("content", m.content())
            .build()))
        .raw("privateLogs", Json.array(tx.privateLogs(), log -> Json.object().put("tag", log.tag())
            .raw("fields", Json.array(log.fields(), Json::hex)).build()))
        .raw("publicLogs", Json.array(tx.publicLogs(), log -> Json.object().put("contract", log.contract().toString())
            .raw("fields", Json.array(log.fields(), Json::hex)).build()))
        .raw("stateAfter", Json.state(tx.stateAfter()))
        .build();
  }

  private static String leafJson(TxDiff.Leaf leaf) {
    return Json.object().put("index", leaf.index()).put("value", leaf.value()).build();
  }

  private static String divergenceJson(Divergence d) {
    Json json = Json.object().put("blockNumber", d.blockNumber());
    json.raw("txIndex", d.txIndex().isPresent() ? Integer.toString(d.txIndex().getAsInt()) : "null");
    return json.put("field", d.field()).put("journaled", d.journaled()).put("recomputed", d.recomputed())
        .put("message", d.describe()).build();
  }
}

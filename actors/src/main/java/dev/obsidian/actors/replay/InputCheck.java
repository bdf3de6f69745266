package dev.obsidian.actors.replay;

import dev.obsidian.actors.Sequencer;
import dev.obsidian.actors.block.GlobalVariables;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.TxEffect;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.actors.tx.TxEffects;
import dev.obsidian.actors.tx.TxHash;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks a built block against the journaled inputs it was built from, before any re-execution: its globals are the
 * proposal's, its txs are the proposal's in the proposal's order (a tx the trees refused may be missing), and each tx's
 * effects are those of the tx the mempool admitted under that hash, whose hash recomputes.
 */
final class InputCheck {
  private InputCheck() {}

  static Optional<Divergence> first(NodeJournal journal, L2Block block) {
    Optional<Sequencer.BlockProposed> proposal = journal.proposal(block.number());
    if (proposal.isEmpty()) {
      return Optional.of(new Divergence(block.number(), OptionalInt.empty(), "proposal",
          "a built block", "no BlockProposed for it before its BlockBuilt"));
    }
    return globals(block, proposal.get().globals())
        .or(() -> order(block, proposal.get().orderedTxHashes()))
        .or(() -> admitted(journal, block));
  }

  private static Optional<Divergence> globals(L2Block block, GlobalVariables proposed) {
    GlobalVariables built = block.header().globals();
    Map<String, List<Object>> fields = new java.util.LinkedHashMap<>();
    fields.put("chainId", List.of(built.chainId(), proposed.chainId()));
    fields.put("version", List.of(built.version(), proposed.version()));
    fields.put("blockNumber", List.of(built.blockNumber(), proposed.blockNumber()));
    fields.put("slotNumber", List.of(built.slotNumber(), proposed.slotNumber()));
    fields.put("timestampSeconds", List.of(built.timestampSeconds(), proposed.timestampSeconds()));
    fields.put("coinbase", List.of(built.coinbase(), proposed.coinbase()));
    fields.put("feeRecipient", List.of(built.feeRecipient(), proposed.feeRecipient()));
    fields.put("gasFees", List.of(built.gasFees(), proposed.gasFees()));
    return fields.entrySet().stream()
        .filter(e -> !e.getValue().get(0).equals(e.getValue().get(1)))
        .findFirst()
        .map(e -> new Divergence(block.number(), OptionalInt.empty(), "header.globals." + e.getKey(),
            String.valueOf(e.getValue().get(0)), "the proposal's " + e.getValue().get(1)));
  }

  /** The block's txs must be a subsequence of the proposal's. */
  private static Optional<Divergence> order(L2Block block, List<TxHash> proposed) {
    int next = 0;
    List<TxHash> built = block.txHashes();
    for (int i = 0; i < built.size(); i++) {
      int at = proposed.subList(next, proposed.size()).indexOf(built.get(i));
      if (at < 0) {
        return Optional.of(new Divergence(block.number(), OptionalInt.of(i), "txs[" + i + "].txHash",
            built.get(i).toString(), "no such tx after position " + next + " of the proposal's ordered tx hashes"));
      }
      next += at + 1;
    }
    return Optional.empty();
  }

  private static Optional<Divergence> admitted(NodeJournal journal, L2Block block) {
    for (int i = 0; i < block.txEffects().size(); i++) {
      TxEffect effect = block.txEffects().get(i);
      Optional<Tx> tx = journal.admittedTx(effect.txHash());
      Optional<Divergence> found = tx.isEmpty()
          ? Optional.of(new Divergence(block.number(), OptionalInt.of(i), "txs[" + i + "].txHash",
              effect.txHash().toString(), "no tx admitted by the mempool under this hash"))
          : sameTx(block.number(), i, effect, tx.get());
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<Divergence> sameTx(long blockNumber, int index, TxEffect effect, Tx admitted) {
    TxHash recomputed = admitted.hash();
    if (!recomputed.equals(effect.txHash())) {
      return Optional.of(new Divergence(blockNumber, OptionalInt.of(index), "txs[" + index + "].txHash",
          effect.txHash().toString(), recomputed + " (the hash of the admitted tx)"));
    }
    return EffectsDiff.first(effect.effects(), admitted.effects())
        .map(field -> new Divergence(blockNumber, OptionalInt.of(index), "txs[" + index + "].effects." + field.name(),
            field.journaled(), field.other() + " (in the admitted tx)"));
  }

  /** The first element where two effects differ, named {@code list[i]} (or {@code list.size}). */
  record EffectsDiff(String name, String journaled, String other) {
    static Optional<EffectsDiff> first(TxEffects block, TxEffects admitted) {
      return list("nullifiers", block.nullifiers(), admitted.nullifiers())
          .or(() -> list("noteHashes", block.noteHashes(), admitted.noteHashes()))
          .or(() -> list("publicDataWrites", block.publicDataWrites(), admitted.publicDataWrites()))
          .or(() -> list("l2ToL1Messages", block.l2ToL1Messages(), admitted.l2ToL1Messages()))
          .or(() -> list("privateLogs", block.privateLogs(), admitted.privateLogs()))
          .or(() -> list("publicLogs", block.publicLogs(), admitted.publicLogs()));
    }

    private static Optional<EffectsDiff> list(String name, List<?> block, List<?> admitted) {
      for (int i = 0; i < Math.min(block.size(), admitted.size()); i++) {
        if (!block.get(i).equals(admitted.get(i))) {
          return Optional.of(new EffectsDiff(name + "[" + i + "]", block.get(i).toString(), admitted.get(i).toString()));
        }
      }
      return block.size() == admitted.size() ? Optional.empty()
          : Optional.of(new EffectsDiff(name + ".size", String.valueOf(block.size()), String.valueOf(admitted.size())));
    }
  }
}

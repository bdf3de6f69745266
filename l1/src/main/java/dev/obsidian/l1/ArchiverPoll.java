package dev.obsidian.l1;

import dev.obsidian.config.ArchiverSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * One look at L1 by the archiver, off the actor: given its cursor and remembered block hashes, either the cursor's block
 * left the chain (a reorg: the newest remembered block still on it is the common ancestor), or the next confirmed L1
 * blocks are read. Reads only; the actor journals the result.
 *
 * <p>Consistency: the batch's first block must have the cursor as parent, and its last block must have the same hash
 * before and after eth_getLogs; otherwise a reorg happened during the poll and it is {@code L1_INCONSISTENT} (retried).
 */
final class ArchiverPoll {
  sealed interface Result {}

  /** L1 blocks were read; {@code more} when L1 has further confirmed blocks. */
  record Synced(L1Archiver.L1Synced event, boolean more) implements Result {}

  record Reorg(L1Archiver.L1Reorged event) implements Result {}

  /** Nothing new is confirmed yet. */
  record Idle() implements Result {}

  private ArchiverPoll() {}

  static Result run(ArchiverSource source, L1Archiver.Target target, ArchiverSettings settings,
      Optional<L1Archiver.L1Block> cursor, NavigableMap<Long, String> remembered) {
    long chainId = source.chainId();
    if (chainId != target.chainId()) {
      throw new ArchiverException(ArchiverException.Error.WRONG_CHAIN_ID, "L1 reports chain id " + chainId
          + ", the node follows chain " + target.chainId() + " (obsidian.l1.chain-id)");
    }
    long head = source.head();
    long safe = head - settings.confirmations();
    long from = cursor.map(c -> c.number() + 1).orElse(target.fromL1Block());
    Optional<ArchiverSource.BlockRef> first = from <= head ? source.block(from) : Optional.empty();
    if (cursor.isPresent()) {
      L1Archiver.L1Block at = cursor.get();
      boolean onChain = first.isPresent() ? first.get().parentHash().equals(at.hash())
          : source.block(at.number()).map(b -> b.hash().equals(at.hash())).orElse(false);
      if (!onChain) {
        return new Reorg(commonAncestor(source, target, at, remembered));
      }
    }
    long to = Math.min(safe, from + settings.maxBlocksPerQuery() - 1);
    if (to < from || first.isEmpty()) {
      return new Idle();
    }
    ArchiverSource.BlockRef last = to == from ? first.get() : require(source.block(to), to);
    List<Object> logs = source.logs(from, to);
    ArchiverSource.BlockRef lastAgain = require(source.block(to), to);
    if (!lastAgain.hash().equals(last.hash())) {
      throw new ArchiverException(ArchiverException.Error.L1_INCONSISTENT, "L1 block " + to + " changed from "
          + last.hash() + " to " + lastAgain.hash() + " while its logs were read (a reorg): reading again");
    }
    List<L1Archiver.ProposalSeen> proposals = new ArrayList<>();
    List<L1Archiver.MessageSeen> messages = new ArrayList<>();
    List<L1Archiver.L1Block> checkpoints = new ArrayList<>();
    if (cursor.isEmpty() && from > 0) {
      checkpoints.add(new L1Archiver.L1Block(from - 1, first.get().parentHash()));
    }
    checkpoints.add(new L1Archiver.L1Block(from, first.get().hash()));
    for (Object log : logs) {
      switch (log) {
        case L1Archiver.ProposalSeen p -> {
          requireInRange(p.l1Block(), from, to);
          proposals.add(p);
          addCheckpoint(checkpoints, new L1Archiver.L1Block(p.l1Block(), p.l1BlockHash()));
        }
        case L1Archiver.MessageSeen m -> {
          requireInRange(m.l1Block(), from, to);
          messages.add(m);
        }
        default -> throw new IllegalStateException("unexpected log " + log);
      }
    }
    addCheckpoint(checkpoints, new L1Archiver.L1Block(to, last.hash()));
    return new Synced(new L1Archiver.L1Synced(from, to, last.hash(), proposals, messages, checkpoints), to < safe);
  }

  private static void addCheckpoint(List<L1Archiver.L1Block> checkpoints, L1Archiver.L1Block block) {
    if (checkpoints.get(checkpoints.size() - 1).number() < block.number()) {
      checkpoints.add(block);
    }
  }

  private static void requireInRange(long l1Block, long from, long to) {
    if (l1Block < from || l1Block > to) {
      throw new ArchiverException(ArchiverException.Error.L1_INCONSISTENT, "eth_getLogs(" + from + ", " + to
          + ") returned a log of L1 block " + l1Block);
    }
  }

  private static ArchiverSource.BlockRef require(Optional<ArchiverSource.BlockRef> block, long number) {
    return block.orElseThrow(() -> new ArchiverException(ArchiverException.Error.L1_INCONSISTENT,
        "L1 has no block " + number + " although its head is at or above it (a reorg): reading again"));
  }

  /** The newest remembered block still on the chain. */
  private static L1Archiver.L1Reorged commonAncestor(ArchiverSource source, L1Archiver.Target target,
      L1Archiver.L1Block cursor, NavigableMap<Long, String> remembered) {
    for (var entry : remembered.descendingMap().entrySet()) {
      if (entry.getKey() >= cursor.number() + 1) {
        continue;
      }
      Optional<ArchiverSource.BlockRef> now = source.block(entry.getKey());
      if (now.isPresent() && now.get().hash().equals(entry.getValue())) {
        return new L1Archiver.L1Reorged(cursor.number(), entry.getKey(), entry.getValue());
      }
    }
    throw new ArchiverException(ArchiverException.Error.L1_REORG_TOO_DEEP, "L1 block " + cursor.number()
        + " left the chain and none of the " + remembered.size() + " remembered blocks (from "
        + (remembered.isEmpty() ? "none" : remembered.firstKey()) + ") is still on it; re-sync from L1 block "
        + target.fromL1Block() + " with an empty data dir");
  }
}

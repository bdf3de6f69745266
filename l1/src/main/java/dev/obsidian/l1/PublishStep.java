package dev.obsidian.l1;

import dev.obsidian.actors.block.L2Block;
import dev.obsidian.crypto.field.Fr;
import dev.obsidian.l1.L1PublisherActor.Attempt;
import dev.obsidian.l1.L1PublisherActor.Event;
import dev.obsidian.l1.L1PublisherActor.L1TxDropped;
import dev.obsidian.l1.L1PublisherActor.L1TxMined;
import dev.obsidian.l1.L1PublisherActor.L1TxReplaced;
import dev.obsidian.l1.L1PublisherActor.L1TxSent;
import dev.obsidian.l1.L1PublisherActor.PublishRequested;
import dev.obsidian.l1.L1PublisherActor.Published;
import dev.obsidian.l1.L1PublisherActor.State;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * One look at L1 for the publisher: reads the Rollup and the publisher's transactions and decides what to journal
 * next (and what signed transaction to send once that is journaled). It never sends anything itself and never changes
 * the actor's state, so it may run off the actor on a blocking thread; a failed L1 call becomes a {@code problem}
 * and nothing is journaled.
 */
final class PublishStep {
  /** Blocks requested again in one step at most when L1 lost a range (the next step continues). */
  static final int MAX_CATCH_UP_BLOCKS = 256;
  /** Reverts of a proposal that mean L1 no longer accepts the node's chain from that block on. */
  static final java.util.Set<String> REFUSED_CHAIN_ERRORS = java.util.Set.of("Rollup__InvalidInHash",
      "Rollup__InvalidArchive");

  /**
   * @param events to journal, in order
   * @param broadcast a signed transaction to send once the events are journaled
   * @param problem why the step failed (nothing to journal); retried with backoff
   * @param nextNonce the nonce the publisher's next new transaction takes, when this step learned it
   * @param idle nothing to publish: the next look is a reconcile
   * @param again look again at once (the events changed what there is to do)
   */
  record Decision(List<Event> events, Optional<L1Client.SignedTx> broadcast, Optional<String> problem,
      OptionalLong nextNonce, boolean idle, boolean again) {

    static Decision idleNow() {
      return new Decision(List.of(), Optional.empty(), Optional.empty(), OptionalLong.empty(), true, false);
    }

    static Decision poll() {
      return new Decision(List.of(), Optional.empty(), Optional.empty(), OptionalLong.empty(), false, false);
    }

    static Decision journal(List<Event> events) {
      return new Decision(List.copyOf(events), Optional.empty(), Optional.empty(), OptionalLong.empty(), false, true);
    }

    static Decision problem(String problem) {
      return new Decision(List.of(), Optional.empty(), Optional.of(problem), OptionalLong.empty(), false, false);
    }

    static Decision send(List<Event> events, L1Client.SignedTx tx, OptionalLong nextNonce) {
      return new Decision(List.copyOf(events), Optional.of(tx), Optional.empty(), nextNonce, false, false);
    }
  }

  private final L1PublisherActor.Settings settings;
  private final RollupClient rollup;
  private final L1Client l1;
  private final LongFunction<Optional<L2Block>> blocks;
  private final Optional<L1PublisherActor.Proving> proving;
  /** Whether the Rollup's proof checking was found to match {@link #proving} (read once, at the first step). */
  private volatile boolean modeChecked;
  /** The Rollup's provenBlockNumber at the last step (status only), when it checks proofs. */
  private volatile long provenSeen;

  PublishStep(L1PublisherActor.Settings settings, RollupClient rollup, LongFunction<Optional<L2Block>> blocks) {
    this(settings, rollup, blocks, Optional.empty());
  }

  PublishStep(L1PublisherActor.Settings settings, RollupClient rollup, LongFunction<Optional<L2Block>> blocks,
      Optional<L1PublisherActor.Proving> proving) {
    this.settings = settings;
    this.rollup = rollup;
    this.l1 = rollup.client();
    this.blocks = blocks;
    this.proving = proving;
  }

  long provenSeen() {
    return provenSeen;
  }

  L1Client.BroadcastResult broadcast(L1Client.SignedTx tx) {
    return l1.broadcast(tx);
  }

  Decision decide(State state, OptionalLong nextNonce) {
    try {
      return decideOrThrow(state, nextNonce);
    } catch (L1Exception e) {
      return Decision.problem(e.getMessage());
    }
  }

  /**
   * Whether {@code block} descends from the chain the publisher last abandoned while the node has not rolled back
   * yet (its block index still holds the first abandoned block): such a hand-over is stale and not queued.
   */
  boolean builtOnAbandonedChain(State state, L2Block block) {
    if (state.abandoned().isEmpty()) {
      return false;
    }
    L1PublisherActor.ChainAbandoned a = state.abandoned().get();
    if (block.number() <= a.blockNumber()) {
      return false;
    }
    if (block.number() == a.blockNumber() + 1) {
      return block.archive().root().equals(a.firstDroppedArchive());
    }
    return blocks.apply(a.blockNumber() + 1).map(b -> b.archive().root().equals(a.firstDroppedArchive()))
        .orElse(false);
  }

  private Decision decideOrThrow(State state, OptionalLong nextNonce) {
    if (!modeChecked) {
      boolean checks = rollup.proofCheckingEnabled();
      if (checks != proving.isPresent()) {
        return Decision.problem("the Rollup at " + rollup.address() + (checks
            ? " checks proofs (PROOF_CHECKING_ENABLED) but this publisher has no verifier keys: it cannot prove blocks"
            : " does not check proofs but this publisher was given verifier keys (it would send proofs L1 refuses)"));
      }
      modeChecked = true;
    }
    if (proving.isPresent()) {
      provenSeen = rollup.provenBlockNumber();
    }
    long rawPending = rollup.pendingBlockNumber();
    // once the prune window of the first unproven block has passed, the next proposal prunes every unproven block
    boolean pruning = rawPending > 0 && rollup.canPrune();
    long pending = pruning ? rollup.provenBlockNumber() : rawPending;
    long top = Math.max(state.publishedBlockNumber(), state.queue().isEmpty() ? 0
        : state.queue().get(state.queue().size() - 1).number());
    boolean lacks = pending < state.publishedBlockNumber()
        || state.head().isPresent() && pending < state.head().get().number() - 1;
    if (lacks) {
      Optional<String> pruned = pruning
          ? Optional.of("the prune window of the Rollup's unproven blocks " + (pending + 1) + ".." + rawPending
              + " has passed: the next proposal prunes them")
          : prunedBy(state, pending);
      if (pruned.isPresent()) {
        return abandon(state, pending, top, pruned.get());
      }
    }
    if (pending < state.publishedBlockNumber()) {
      return lostPublished(state, pending);
    }
    if (state.head().isEmpty()) {
      return Decision.idleNow();
    }
    L2Block head = state.head().get();
    long number = head.number();
    Optional<Attempt> attempt = state.attempt().filter(a -> a.blockNumber() == number);
    if (attempt.isPresent() && attempt.get().mined().isPresent()) {
      return confirm(number, attempt.get().mined().get());
    }
    if (pending >= number) {
      return alreadyOnL1(head);
    }
    if (pending < number - 1) {
      return requestMissing(pending + 1, number - 1, "L1 lacks them below block " + number);
    }
    if (attempt.isPresent()) {
      return follow(state, head, attempt.get());
    }
    return sendNew(state, head, nextNonce);
  }

  /** A {@code PrunedPending} log (since the last abandonment) that dropped the blocks above {@code pending}. */
  private Optional<String> prunedBy(State state, long pending) {
    long from = state.abandoned().map(a -> a.l1Block() + 1).orElse(0L);
    for (RollupClient.PrunedLog log : rollup.prunedLogs(from)) {
      if (log.provenBlockNumber() == pending && log.pendingBlockNumber() > pending) {
        return Optional.of("the Rollup pruned its unproven blocks " + (pending + 1) + ".." + log.pendingBlockNumber()
            + " in L1 block " + log.l1Block());
      }
    }
    return Optional.empty();
  }

  /**
   * L1 will not take the node's blocks above {@code pending} again: the node rolls back to the highest block L1 and
   * the node share (at most {@code pending}; lower when L1 holds another block there).
   */
  private Decision abandon(State state, long pending, long top, String reason) {
    long common = pending;
    while (common > 0 && common > pending - MAX_CATCH_UP_BLOCKS) {
      Optional<L2Block> ours = blocks.apply(common);
      if (ours.isPresent() && ours.get().archive().root().equals(rollup.archiveAt(common))) {
        break;
      }
      common--;
    }
    if (common > 0 && common == pending - MAX_CATCH_UP_BLOCKS) {
      return Decision.problem("L1 holds none of the node's blocks " + (pending - MAX_CATCH_UP_BLOCKS + 1) + ".."
          + pending + ": not rolling back that deep on its own (" + reason + ")");
    }
    long to = common;
    Optional<L2Block> firstDropped = blocks.apply(to + 1)
        .or(() -> state.queue().stream().filter(b -> b.number() == to + 1).findFirst());
    if (firstDropped.isEmpty()) {
      return Decision.problem("L1 no longer accepts the node's blocks above " + to + " (" + reason + ") but the node's"
          + " block index does not hold block " + (to + 1));
    }
    return Decision.journal(List.of(new L1PublisherActor.ChainAbandoned(to, Math.max(top, to + 1),
        firstDropped.get().archive().root(), reason, l1.blockNumber())));
  }

  /** L1 no longer holds blocks it was known to (a reorg, a lost Anvil state): they are requested again. */
  private Decision lostPublished(State state, long pending) {
    long first = pending + 1;
    List<Event> events = new ArrayList<>();
    events.add(new L1TxDropped(first, first == state.publishedBlockNumber() ? state.publishedL1TxHash() : "",
        "L1 no longer holds block " + first + " (the Rollup is at " + pending + ", " + state.publishedBlockNumber()
            + " were published): an L1 reorg or lost L1 state"));
    Decision requests = requestMissing(first, state.publishedBlockNumber(), "L1 lost them");
    if (requests.problem().isPresent()) {
      return requests;
    }
    events.addAll(requests.events());
    return Decision.journal(events);
  }

  /**
   * Whether L1's tip is this node's parent of {@code block}: then a parent-archive revert is the block's own fault (it
   * does not extend the node's chain), a named problem, not a reason to roll back.
   */
  private boolean l1HoldsOurParent(L2Block block) {
    long parent = block.number() - 1;
    if (parent == 0) {
      return true;
    }
    Optional<L2Block> ours = blocks.apply(parent);
    return ours.isPresent() && ours.get().archive().root().equals(rollup.archiveAt(parent));
  }

  private Decision requestMissing(long from, long to, String why) {
    List<Event> events = new ArrayList<>();
    for (long n = from; n <= Math.min(to, from + MAX_CATCH_UP_BLOCKS - 1); n++) {
      Optional<L2Block> block = blocks.apply(n);
      if (block.isEmpty()) {
        return Decision.problem("cannot publish block " + n + " again (" + why + "): the node's block index does not"
            + " hold it");
      }
      String proof = "";
      if (proving.isPresent()) {
        try {
          proof = L1Client.hex(ProposalProof.encode(proving.get().keys(), block.get(),
              proving.get().proofsOf().apply(n)));
        } catch (IllegalArgumentException e) {
          return Decision.problem("cannot publish block " + n + " again (" + why + "): " + e.getMessage());
        }
      }
      events.add(new PublishRequested(n, block.get(), proof));
    }
    return Decision.journal(events);
  }

  /** The block's transaction is mined: count confirmations, and notice if a reorg moved or removed it. */
  private Decision confirm(long number, L1TxMined mined) {
    Optional<L1Client.ReceiptSummary> receipt = l1.receiptSummary(mined.hash());
    if (receipt.isEmpty() || !receipt.get().succeeded()) {
      return Decision.journal(List.of(new L1TxDropped(number, mined.hash(),
          "an L1 reorg removed L1 block " + mined.l1Block() + " that held it")));
    }
    L1Client.ReceiptSummary r = receipt.get();
    if (!r.l1BlockHash().equals(mined.l1BlockHash())) {
      return Decision.journal(List.of(new L1TxMined(number, r.txHash(), r.l1Block(), r.l1BlockHash(), r.gasUsed())));
    }
    long tip = l1.blockNumber();
    if (tip - mined.l1Block() + 1 >= settings.confirmations()) {
      return Decision.journal(List.of(new Published(number, mined.l1Block(), mined.hash())));
    }
    return Decision.poll();
  }

  /** The Rollup holds the block: ours (sent before a crash or by an earlier attempt) if the archive matches. */
  private Decision alreadyOnL1(L2Block block) {
    Fr onL1 = rollup.archiveAt(block.number());
    if (!onL1.equals(block.archive().root())) {
      return Decision.problem("L1 holds a different block " + block.number() + ": archive " + onL1 + " on L1, "
          + block.archive().root() + " in this node");
    }
    List<RollupClient.BlockProposedLog> logs = rollup.proposedLogsOf(block.number());
    if (logs.isEmpty()) {
      return Decision.problem("the Rollup holds block " + block.number() + " but no L2BlockProposed log for it");
    }
    String txHash = logs.get(logs.size() - 1).l1TxHash();
    L1Client.ReceiptSummary r = l1.receiptSummary(txHash)
        .orElseThrow(() -> new L1Exception("no receipt for the proposal " + txHash + " of block " + block.number()));
    return Decision.journal(List.of(new L1TxMined(block.number(), r.txHash(), r.l1Block(), r.l1BlockHash(),
        r.gasUsed())));
  }

  /** Our transaction(s) for the block are out: mined, dropped, lost by the node, or stuck and to be replaced. */
  private Decision follow(State state, L2Block block, Attempt attempt) {
    Optional<Decision> landed = landed(block.number(), attempt);
    if (landed.isPresent()) {
      return landed.get();
    }
    L1TxSent newest = attempt.newest();
    if (l1.nonce(false) > newest.nonce()) {
      // mined meanwhile? look once more before calling it dropped
      return landed(block.number(), attempt).orElseGet(() -> Decision.journal(List.of(new L1TxDropped(block.number(),
          newest.hash(), "its nonce " + newest.nonce() + " was used by another transaction"))));
    }
    long tip = l1.blockNumber();
    if (tip - newest.sentAtL1Block() >= settings.bumpAfterL1Blocks()) {
      return replace(block, state.proofOf(block.number()), newest, tip);
    }
    if (!l1.knows(newest.hash())) {
      // journaled but never sent (a crash), or the L1 node lost it (a restart, a reorg): the same bytes again
      return Decision.send(List.of(), new L1Client.SignedTx(newest.hash(), newest.signedTx()), OptionalLong.empty());
    }
    return Decision.poll();
  }

  private Optional<Decision> landed(long number, Attempt attempt) {
    for (int i = attempt.sent().size() - 1; i >= 0; i--) {
      L1TxSent sent = attempt.sent().get(i);
      Optional<L1Client.ReceiptSummary> receipt = l1.receiptSummary(sent.hash());
      if (receipt.isPresent()) {
        L1Client.ReceiptSummary r = receipt.get();
        if (!r.succeeded()) {
          return Optional.of(Decision.journal(List.of(new L1TxDropped(number, sent.hash(),
              "it reverted in L1 block " + r.l1Block()))));
        }
        Decision mined = Decision.journal(List.of(new L1TxMined(number, r.txHash(), r.l1Block(), r.l1BlockHash(),
            r.gasUsed())));
        return Optional.of(new Decision(mined.events(), Optional.empty(), Optional.empty(),
            OptionalLong.of(sent.nonce() + 1), false, true));
      }
    }
    return Optional.empty();
  }

  /** Same nonce, fees raised by the bump (and at least what the network asks now), capped at the maximum. */
  private Decision replace(L2Block block, String proof, L1TxSent stuck, long tip) {
    BigInteger factor = BigInteger.valueOf(100L + settings.feeBumpPercent());
    BigInteger priority = max(ceilPercent(stuck.maxPriorityFeePerGas(), factor), l1.maxPriorityFeePerGas());
    BigInteger maxFee = max(ceilPercent(stuck.maxFeePerGas(), factor),
        l1.baseFeePerGas().multiply(BigInteger.TWO).add(priority));
    if (maxFee.compareTo(settings.maxFeePerGas()) > 0) {
      return Decision.problem("proposal " + stuck.hash() + " of block " + block.number() + " is unmined after "
          + (tip - stuck.sentAtL1Block()) + " L1 blocks and bumping it would offer " + maxFee
          + " wei per gas, above the maximum " + settings.maxFeePerGas() + " (obsidian.l1.publisher.max-fee-per-gas-gwei)");
    }
    L1Client.SignedTx signed = l1.sign(rollup.address(), calldata(block, proof), stuck.nonce(), stuck.gasLimit(),
        maxFee, priority);
    return Decision.send(List.of(
        new L1TxReplaced(block.number(), stuck.nonce(), stuck.hash(),
            "unmined after " + (tip - stuck.sentAtL1Block()) + " L1 blocks"),
        new L1TxSent(block.number(), stuck.nonce(), maxFee, priority, stuck.gasLimit(), signed.hash(), signed.raw(),
            tip)), signed, OptionalLong.empty());
  }

  /** A first transaction for the block: simulated (a revert is a named problem), signed, journaled, then sent. */
  private Decision sendNew(State state, L2Block block, OptionalLong nextNonce) {
    long top = Math.max(state.publishedBlockNumber(), state.queue().get(state.queue().size() - 1).number());
    Fr inbox = rollup.inboxRoot(block.number());
    if (!inbox.equals(InboxTree.root(block.l1ToL2Messages()))) {
      // the block inserted L1->L2 messages its Inbox tree no longer holds (an L1 reorg dropped or reordered them):
      // proposing it would commit to an Inbox root its own message tree contradicts
      return abandon(state, block.number() - 1, top, "the Inbox tree of block " + block.number() + " no longer holds"
          + " the " + block.l1ToL2Messages().size() + " L1->L2 messages the block inserted (an L1 reorg changed it)");
    }
    String proof = state.proofOf(block.number());
    if (proving.isPresent() && proof.isEmpty()) {
      return Decision.problem("block " + block.number() + " is queued without its proof, and the Rollup checks"
          + " proofs");
    }
    byte[] data = calldata(block, proof);
    long gasLimit;
    try {
      gasLimit = l1.estimateGas(rollup.address(), data, "Rollup.propose(block " + block.number() + ")");
    } catch (L1RevertException e) {
      if (REFUSED_CHAIN_ERRORS.contains(e.errorName()) && !(e.errorName().equals("Rollup__InvalidArchive")
          && l1HoldsOurParent(block))) {
        return abandon(state, block.number() - 1, top, "proposing block " + block.number() + " reverts with "
            + e.errorName() + (e.errorName().equals("Rollup__InvalidInHash")
                ? " (an L1 reorg changed the Inbox messages it consumed)" : " (L1 holds another parent block)"));
      }
      throw e;
    }
    long nonce = nextNonce.isPresent() ? nextNonce.getAsLong() : l1.nonce(true);
    BigInteger priority = l1.maxPriorityFeePerGas();
    BigInteger maxFee = l1.baseFeePerGas().multiply(BigInteger.TWO).add(priority);
    if (maxFee.compareTo(settings.maxFeePerGas()) > 0) {
      maxFee = settings.maxFeePerGas();
      priority = priority.min(maxFee);
    }
    long tip = l1.blockNumber();
    L1Client.SignedTx signed = l1.sign(rollup.address(), data, nonce, gasLimit, maxFee, priority);
    return Decision.send(List.of(new L1TxSent(block.number(), nonce, maxFee, priority, gasLimit, signed.hash(),
        signed.raw(), tip)), signed, OptionalLong.of(nonce + 1));
  }

  /** @param proof the journaled proof argument (hex; "" for none) */
  private byte[] calldata(L2Block block, String proof) {
    Fr inHash = rollup.inboxRoot(block.number());
    ProposedHeader.Proposal proposal = ProposedHeader.of(block, inHash, Fr.of(settings.rollupVersion()),
        Fr.of(settings.chainId()));
    return RollupClient.proposeCalldata(proposal.header(), proposal.effects(),
        proof.isEmpty() ? new byte[0] : L1Client.unhex(proof));
  }

  private static BigInteger ceilPercent(BigInteger value, BigInteger percent) {
    BigInteger[] qr = value.multiply(percent).divideAndRemainder(BigInteger.valueOf(100));
    return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
  }

  private static BigInteger max(BigInteger a, BigInteger b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}

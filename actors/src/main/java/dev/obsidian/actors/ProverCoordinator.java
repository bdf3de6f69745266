package dev.obsidian.actors;

import dev.obsidian.actors.BlockProver.ProvingJob;
import dev.obsidian.actors.block.BlockHeader;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.merkle.WorldStateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.pattern.StatusReply;

/**
 * Proves blocks: cuts each into jobs ({@link BlockProver#plan}, one base rollup per tx, on a fork of the parent
 * state), hands them to the {@link ProverWorker}s the Receptionist knows (round-robin, so they run in parallel),
 * accepts a result only when {@link BlockProver#check} passes (the node's own verifier), and retries a failed,
 * rejected or timed-out job on another worker when there is one, up to {@code maxAttempts}. Once every job of a
 * block is accepted, the proofs are journaled ({@link BlockProofs}) and the block is reported {@link Proven}. Jobs
 * wait while no worker is registered. With proving off, every block is answered {@link NotProving} at once.
 *
 * <p>Its own state is not journaled: the sequencer journals BlockProofRequested/BlockProven and re-sends an
 * unfinished block after a restart, which proves it again.
 */
public final class ProverCoordinator {

  public record Settings(boolean enabled, Duration jobTimeout, int maxAttempts) {
    public Settings {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
      }
    }
  }

  public sealed interface Command {}

  /**
   * @param parentHeader the header of block {@code block.number() - 1}; may be empty for block 1 (the genesis header
   *     is derived from the genesis state)
   */
  public record ProveBlock(L2Block block, Optional<BlockHeader> parentHeader, ActorRef<Outcome> replyTo)
      implements Command {
    public ProveBlock(L2Block block, ActorRef<Outcome> replyTo) {
      this(block, Optional.empty(), replyTo);
    }
  }

  public sealed interface Outcome {
    long blockNumber();
  }

  /** Every job proven, verified and journaled. */
  public record Proven(long blockNumber, List<BlockProofs.AcceptedProof> proofs) implements Outcome {}

  /** The block does not re-apply to the roots it claims: the trees and the journal disagree. */
  public record Failed(long blockNumber, String reason) implements Outcome {}

  /** A job failed every attempt (or cannot be proven here): the block stays unproven. */
  public record Unproven(long blockNumber, String reason) implements Outcome {}

  /** Proving is off on this node ({@code obsidian.prover.enabled = false}). */
  public record NotProving(long blockNumber) implements Outcome {}

  private record WorkersChanged(Set<ActorRef<ProverWorker.Job>> workers) implements Command {}

  private record Result(ProverWorker.JobResult result) implements Command {}

  private record TimedOut(long jobId, int attempt) implements Command {}

  private record Planned(long blockNumber, List<ProvingJob> jobs, Throwable failure) implements Command {}

  private record Recorded(long blockNumber, Throwable failure) implements Command {}

  private record Pending(long blockNumber, ProvingJob job, int attempt, ActorRef<ProverWorker.Job> lastWorker) {}

  private static final class InFlight {
    ProveBlock request;
    final List<Long> jobIds = new ArrayList<>();
    BlockProofs.AcceptedProof[] accepted;
    int remaining;

    InFlight(ProveBlock request) {
      this.request = request;
    }
  }

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final Settings settings;
  private final BlockProver prover;
  private final WorldStateStore store;
  private final ActorRef<BlockProofs.Command> journal;
  private final ActorRef<ProverWorker.JobResult> resultAdapter;
  private final TreeMap<Long, Pending> jobs = new TreeMap<>();
  private final TreeMap<Long, InFlight> blocks = new TreeMap<>();
  private final List<Long> waiting = new ArrayList<>();
  private List<ActorRef<ProverWorker.Job>> workers = List.of();
  private long nextJobId;
  private int nextWorker;

  /**
   * @param prover the proof system; may be null only with proving off
   * @param store the trees, to plan jobs on a fork of each block's parent
   */
  public static Behavior<Command> create(Settings settings, BlockProver prover, WorldStateStore store,
      ActorRef<BlockProofs.Command> journal) {
    if (settings.enabled() && prover == null) {
      throw new IllegalArgumentException("proving is on but no BlockProver was given");
    }
    return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new ProverCoordinator(context, timers, settings, prover, store, journal).behavior()));
  }

  private ProverCoordinator(ActorContext<Command> context, TimerScheduler<Command> timers, Settings settings,
      BlockProver prover, WorldStateStore store, ActorRef<BlockProofs.Command> journal) {
    this.context = context;
    this.timers = timers;
    this.settings = settings;
    this.prover = prover;
    this.store = store;
    this.journal = journal;
    this.resultAdapter = context.messageAdapter(ProverWorker.JobResult.class, Result::new);
    ActorRef<Receptionist.Listing> listings = context.messageAdapter(Receptionist.Listing.class,
        listing -> new WorkersChanged(listing.getServiceInstances(ProverWorker.SERVICE_KEY)));
    context.getSystem().receptionist().tell(Receptionist.subscribe(ProverWorker.SERVICE_KEY, listings));
  }

  private Behavior<Command> behavior() {
    return Behaviors.receive(Command.class)
        .onMessage(ProveBlock.class, this::onProve)
        .onMessage(Planned.class, this::onPlanned)
        .onMessage(WorkersChanged.class, this::onWorkers)
        .onMessage(Result.class, this::onResult)
        .onMessage(TimedOut.class, this::onTimeout)
        .onMessage(Recorded.class, this::onRecorded)
        .build();
  }

  private Behavior<Command> onProve(ProveBlock request) {
    long number = request.block().number();
    if (!settings.enabled()) {
      request.replyTo().tell(new NotProving(number));
      return Behaviors.same();
    }
    InFlight already = blocks.get(number);
    if (already != null) {
      already.request = request; // a re-sent request (the sequencer restarted): answer the newest asker
      return Behaviors.same();
    }
    blocks.put(number, new InFlight(request));
    // planning re-applies the block to a fork (Merkle hashing): off the actor, on the blocking dispatcher
    Executor blocking = context.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
    L2Block block = request.block();
    Optional<BlockHeader> parentHeader = request.parentHeader();
    context.pipeToSelf(CompletableFuture.supplyAsync(() -> plan(block, parentHeader), blocking),
        (planned, failure) -> planned != null ? new Planned(number, planned, null) : new Planned(number, null, failure));
    return Behaviors.same();
  }

  private List<ProvingJob> plan(L2Block block, Optional<BlockHeader> parentHeader) {
    try (WorldStateFork fork = store.fork(block.number() - 1)) {
      BlockHeader parent = block.number() == 1 ? BlockHeader.genesis(StateReference.of(fork))
          : parentHeader.orElseThrow(() -> new IllegalStateException("proving block " + block.number()
              + " needs the header of block " + (block.number() - 1) + ", which was not given"));
      List<ProvingJob> planned = prover.plan(fork, parent, block);
      fork.discard();
      return planned;
    }
  }

  private Behavior<Command> onPlanned(Planned planned) {
    InFlight block = blocks.get(planned.blockNumber());
    if (block == null) {
      return Behaviors.same();
    }
    if (planned.failure() != null) {
      Throwable cause = planned.failure() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
          ? c.getCause() : planned.failure();
      blocks.remove(planned.blockNumber());
      if (cause instanceof BlockProver.UnprovableBlockException unprovable) {
        context.getLog().error("block {} left unproven: {}", planned.blockNumber(), unprovable.getMessage());
        block.request.replyTo().tell(new Unproven(planned.blockNumber(), unprovable.getMessage()));
        return Behaviors.same();
      }
      block.request.replyTo().tell(new Failed(planned.blockNumber(),
          cause.getClass().getSimpleName() + ": " + cause.getMessage()));
      return Behaviors.same();
    }
    for (ProvingJob job : planned.jobs()) {
      var reason = prover.cannotProve(job);
      if (reason.isPresent()) {
        blocks.remove(planned.blockNumber());
        String why = "job " + job.index() + " (" + job.circuit() + ") cannot be proven: " + reason.get();
        context.getLog().error("block {} left unproven: {}", planned.blockNumber(), why);
        block.request.replyTo().tell(new Unproven(planned.blockNumber(), why));
        return Behaviors.same();
      }
    }
    block.accepted = new BlockProofs.AcceptedProof[planned.jobs().size()];
    block.remaining = planned.jobs().size();
    if (block.remaining == 0) {
      record(planned.blockNumber(), block);
      return Behaviors.same();
    }
    for (ProvingJob job : planned.jobs()) {
      long jobId = nextJobId++;
      block.jobIds.add(jobId);
      jobs.put(jobId, new Pending(planned.blockNumber(), job, 1, null));
      dispatch(jobId);
    }
    return Behaviors.same();
  }

  private Behavior<Command> onWorkers(WorkersChanged changed) {
    // sorted by path so assignment does not depend on set iteration order
    workers = changed.workers().stream().sorted((a, b) -> a.path().compareTo(b.path())).toList();
    context.getLog().info("prover workers: {}", workers.size());
    List<Long> ready = List.copyOf(waiting);
    waiting.clear();
    ready.forEach(this::dispatch);
    return Behaviors.same();
  }

  /** Sends the job to the next worker in turn, skipping the one its last attempt went to when another exists. */
  private void dispatch(long jobId) {
    Pending pending = jobs.get(jobId);
    if (pending == null) {
      return;
    }
    if (workers.isEmpty()) {
      waiting.add(jobId);
      return;
    }
    ActorRef<ProverWorker.Job> worker = workers.get(Math.floorMod(nextWorker++, workers.size()));
    if (worker.equals(pending.lastWorker()) && workers.size() > 1) {
      worker = workers.get(Math.floorMod(nextWorker++, workers.size()));
    }
    jobs.put(jobId, new Pending(pending.blockNumber(), pending.job(), pending.attempt(), worker));
    worker.tell(new ProverWorker.Job(jobId, pending.attempt(), pending.job(), resultAdapter));
    timers.startSingleTimer(jobId, new TimedOut(jobId, pending.attempt()), settings.jobTimeout());
  }

  private Behavior<Command> onResult(Result message) {
    ProverWorker.JobResult result = message.result();
    Pending pending = jobs.get(result.jobId());
    if (pending == null || result.attempt() != pending.attempt()) {
      return Behaviors.same(); // a late answer to an attempt already retried or a job already finished
    }
    switch (result) {
      case ProverWorker.JobFailed failed -> retryOrGiveUp(result.jobId(), pending,
          failed.reason() + " (on " + failed.worker() + ")");
      case ProverWorker.JobDone done -> {
        var rejection = prover.check(pending.job(), done.result());
        if (rejection.isPresent()) {
          retryOrGiveUp(result.jobId(), pending, "proof rejected by the verifier: " + rejection.get()
              + " (from " + done.worker() + ")");
        } else {
          accept(result.jobId(), pending, done);
        }
      }
    }
    return Behaviors.same();
  }

  private void accept(long jobId, Pending pending, ProverWorker.JobDone done) {
    jobs.remove(jobId);
    timers.cancel(jobId);
    InFlight block = blocks.get(pending.blockNumber());
    BlockProver.ProvingResult result = done.result();
    block.accepted[pending.job().index()] = new BlockProofs.AcceptedProof(pending.job().index(), result.circuit(),
        result.proof(), result.publicInputs(), done.worker(), done.attempt(), result.provingMillis());
    context.getLog().info("block {} job {} ({}) proven in {} ms by {}, verified", pending.blockNumber(),
        pending.job().index(), result.circuit(), result.provingMillis(), done.worker());
    if (--block.remaining == 0) {
      record(pending.blockNumber(), block);
    }
  }

  private void record(long blockNumber, InFlight block) {
    List<BlockProofs.AcceptedProof> proofs = Arrays.asList(block.accepted);
    context.askWithStatus(Done.class, journal, Duration.ofSeconds(30),
        replyTo -> new BlockProofs.Record(blockNumber, List.copyOf(proofs), replyTo),
        (done, failure) -> new Recorded(blockNumber, failure));
  }

  private Behavior<Command> onRecorded(Recorded recorded) {
    InFlight block = blocks.remove(recorded.blockNumber());
    if (block == null) {
      return Behaviors.same();
    }
    if (recorded.failure() != null) {
      // the journal refused the write: the sequencer's restart re-sends the block
      throw new IllegalStateException("journaling the proofs of block " + recorded.blockNumber() + " failed",
          recorded.failure());
    }
    block.request.replyTo().tell(new Proven(recorded.blockNumber(), List.of(block.accepted)));
    return Behaviors.same();
  }

  private Behavior<Command> onTimeout(TimedOut timeout) {
    Pending pending = jobs.get(timeout.jobId());
    if (pending != null && pending.attempt() == timeout.attempt()) {
      retryOrGiveUp(timeout.jobId(), pending, "timed out after " + settings.jobTimeout()
          + " (on " + pending.lastWorker().path() + ")");
    }
    return Behaviors.same();
  }

  private void retryOrGiveUp(long jobId, Pending pending, String reason) {
    if (pending.attempt() >= settings.maxAttempts()) {
      giveUp(pending.blockNumber(), "job " + pending.job().index() + " (" + pending.job().circuit() + ") failed "
          + settings.maxAttempts() + " attempts, last: " + reason);
      return;
    }
    context.getLog().warn("proving block {} job {} attempt {} failed ({}), retrying", pending.blockNumber(),
        pending.job().index(), pending.attempt(), reason);
    jobs.put(jobId, new Pending(pending.blockNumber(), pending.job(), pending.attempt() + 1, pending.lastWorker()));
    dispatch(jobId);
  }

  private void giveUp(long blockNumber, String reason) {
    InFlight block = blocks.remove(blockNumber);
    for (long jobId : block.jobIds) {
      jobs.remove(jobId);
      timers.cancel(jobId);
      waiting.remove(jobId);
    }
    context.getLog().error("block {} left unproven: {}", blockNumber, reason);
    block.request.replyTo().tell(new Unproven(blockNumber, reason));
  }
}

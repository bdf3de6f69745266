package dev.obsidian.actors;

import dev.obsidian.actors.block.L2Block;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/**
 * Hands block jobs to the {@link ProverWorker}s the Receptionist knows, round-robin, and retries a job that fails or
 * times out on the next worker, up to {@code maxAttempts}; then it reports the failure. Jobs wait while no worker is
 * registered. Its state is not journaled: the sequencer journals BlockProofRequested/BlockProven and re-sends
 * unfinished blocks after a restart.
 */
public final class ProverCoordinator {
  public sealed interface Command {}

  public record ProveBlock(L2Block block, ActorRef<Outcome> replyTo) implements Command {}

  public sealed interface Outcome {
    long blockNumber();
  }

  public record Proven(long blockNumber, List<ProverWorker.TxPublicInputs> txPublicInputs) implements Outcome {}

  public record Failed(long blockNumber, String reason) implements Outcome {}

  private record WorkersChanged(Set<ActorRef<ProverWorker.Job>> workers) implements Command {}

  private record Result(ProverWorker.JobResult result) implements Command {}

  private record TimedOut(long jobId, int attempt) implements Command {}

  private record Pending(ProveBlock request, int attempt) {}

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final Duration jobTimeout;
  private final int maxAttempts;
  private final ActorRef<ProverWorker.JobResult> resultAdapter;
  private final TreeMap<Long, Pending> jobs = new TreeMap<>();
  private final List<Long> waiting = new ArrayList<>();
  private List<ActorRef<ProverWorker.Job>> workers = List.of();
  private long nextJobId;
  private int nextWorker;

  public static Behavior<Command> create(Duration jobTimeout, int maxAttempts) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      ProverCoordinator coordinator = new ProverCoordinator(context, timers, jobTimeout, maxAttempts);
      return coordinator.behavior();
    }));
  }

  private ProverCoordinator(ActorContext<Command> context, TimerScheduler<Command> timers, Duration jobTimeout, int maxAttempts) {
    this.context = context;
    this.timers = timers;
    this.jobTimeout = jobTimeout;
    this.maxAttempts = maxAttempts;
    this.resultAdapter = context.messageAdapter(ProverWorker.JobResult.class, Result::new);
    ActorRef<Receptionist.Listing> listings = context.messageAdapter(Receptionist.Listing.class,
        listing -> new WorkersChanged(listing.getServiceInstances(ProverWorker.SERVICE_KEY)));
    context.getSystem().receptionist().tell(Receptionist.subscribe(ProverWorker.SERVICE_KEY, listings));
  }

  private Behavior<Command> behavior() {
    return Behaviors.receive(Command.class)
        .onMessage(ProveBlock.class, this::onProve)
        .onMessage(WorkersChanged.class, this::onWorkers)
        .onMessage(Result.class, this::onResult)
        .onMessage(TimedOut.class, this::onTimeout)
        .build();
  }

  private Behavior<Command> onProve(ProveBlock request) {
    long jobId = nextJobId++;
    jobs.put(jobId, new Pending(request, 1));
    dispatch(jobId);
    return Behaviors.same();
  }

  private Behavior<Command> onWorkers(WorkersChanged changed) {
    // sorted by path so assignment does not depend on set iteration order
    workers = changed.workers().stream().sorted((a, b) -> a.path().compareTo(b.path())).toList();
    List<Long> ready = List.copyOf(waiting);
    waiting.clear();
    ready.forEach(this::dispatch);
    return Behaviors.same();
  }

  private void dispatch(long jobId) {
    Pending pending = jobs.get(jobId);
    if (workers.isEmpty()) {
      waiting.add(jobId);
      return;
    }
    ActorRef<ProverWorker.Job> worker = workers.get(nextWorker++ % workers.size());
    worker.tell(new ProverWorker.Job(jobId, pending.attempt(), pending.request().block(), resultAdapter));
    timers.startSingleTimer(jobId, new TimedOut(jobId, pending.attempt()), jobTimeout);
  }

  private Behavior<Command> onResult(Result message) {
    ProverWorker.JobResult result = message.result();
    Pending pending = jobs.get(result.jobId());
    if (pending == null) {
      return Behaviors.same(); // a late answer to a job already retried and finished
    }
    if (result instanceof ProverWorker.JobDone done) {
      finish(result.jobId(), new Proven(done.blockNumber(), done.txPublicInputs()));
    } else if (result instanceof ProverWorker.JobFailed failed && failed.attempt() == pending.attempt()) {
      retryOrFail(result.jobId(), pending, failed.reason());
    }
    return Behaviors.same();
  }

  private Behavior<Command> onTimeout(TimedOut timeout) {
    Pending pending = jobs.get(timeout.jobId());
    if (pending != null && pending.attempt() == timeout.attempt()) {
      retryOrFail(timeout.jobId(), pending, "timed out after " + jobTimeout);
    }
    return Behaviors.same();
  }

  private void retryOrFail(long jobId, Pending pending, String reason) {
    if (pending.attempt() >= maxAttempts) {
      finish(jobId, new Failed(pending.request().block().number(), "failed " + maxAttempts + " attempts, last: " + reason));
      return;
    }
    context.getLog().warn("proving block {} attempt {} failed ({}), retrying", pending.request().block().number(),
        pending.attempt(), reason);
    jobs.put(jobId, new Pending(pending.request(), pending.attempt() + 1));
    dispatch(jobId);
  }

  private void finish(long jobId, Outcome outcome) {
    Pending pending = jobs.remove(jobId);
    timers.cancel(jobId);
    pending.request().replyTo().tell(outcome);
  }
}

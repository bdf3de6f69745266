package dev.obsidian.actors;

import dev.obsidian.persistence.ObsidianSerializable;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * A stateless proving worker, registered with the Receptionist (the cluster's, when the node runs one, so workers in
 * other JVMs are found the same way). It proves one {@link BlockProver.ProvingJob} at a time with the
 * {@link BlockProver} it was given and replies with the proof; it holds no trees, so it can run anywhere. Spawn it on
 * {@link #DISPATCHER}: a proof keeps its thread busy for seconds.
 */
public final class ProverWorker {
  public static final ServiceKey<Job> SERVICE_KEY = ServiceKey.create(Job.class, "obsidian-prover-worker");
  /** Where workers run, so that proving never holds a thread the other actors need. */
  public static final DispatcherSelector DISPATCHER = DispatcherSelector.fromConfig("obsidian.prover-dispatcher");

  /** Prove {@code job} as attempt {@code attempt} of coordinator job {@code jobId}. */
  public record Job(long jobId, int attempt, BlockProver.ProvingJob job, ActorRef<JobResult> replyTo)
      implements ObsidianSerializable {}

  public sealed interface JobResult extends ObsidianSerializable {
    long jobId();

    int attempt();
  }

  /** @param worker the worker's actor path, which names its JVM when it is remote */
  public record JobDone(long jobId, int attempt, BlockProver.ProvingResult result, String worker) implements JobResult {}

  public record JobFailed(long jobId, int attempt, String reason, String worker) implements JobResult {}

  private ProverWorker() {}

  public static Behavior<Job> create(BlockProver prover) {
    return Behaviors.setup(context -> {
      context.getSystem().receptionist().tell(Receptionist.register(SERVICE_KEY, context.getSelf()));
      String self = context.getSelf().path().toStringWithAddress(context.getSystem().address());
      return Behaviors.receiveMessage(job -> {
        job.replyTo().tell(run(prover, job, self));
        return Behaviors.same();
      });
    });
  }

  static JobResult run(BlockProver prover, Job job, String self) {
    try {
      return new JobDone(job.jobId(), job.attempt(), prover.prove(job.job()), self);
    } catch (RuntimeException | OutOfMemoryError e) {
      return new JobFailed(job.jobId(), job.attempt(), e.getClass().getSimpleName() + ": " + e.getMessage(), self);
    }
  }
}

package dev.obsidian.actors;

import dev.obsidian.actors.block.BlockBuilder;
import dev.obsidian.actors.block.L2Block;
import dev.obsidian.actors.block.StateReference;
import dev.obsidian.merkle.WorldStateFork;
import dev.obsidian.merkle.WorldStateStore;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * A stateless proving worker, registered with the Receptionist. No proofs are generated yet (that needs the proofs
 * issue's circuits): a job re-executes the block on a fork of its parent and checks its public inputs, the start and
 * end state of every tx and the block's final state and archive, replying with them. No proof object is faked.
 */
public final class ProverWorker {
  public static final ServiceKey<Job> SERVICE_KEY = ServiceKey.create(Job.class, "obsidian-prover-worker");

  /** Check block {@code block} as attempt {@code attempt} of job {@code jobId}. */
  public record Job(long jobId, int attempt, L2Block block, ActorRef<JobResult> replyTo) {}

  /** The public inputs of one tx: the state before and after it. */
  public record TxPublicInputs(StateReference start, StateReference end) {}

  public sealed interface JobResult {
    long jobId();
  }

  public record JobDone(long jobId, long blockNumber, List<TxPublicInputs> txPublicInputs) implements JobResult {}

  public record JobFailed(long jobId, int attempt, String reason) implements JobResult {}

  private ProverWorker() {}

  public static Behavior<Job> create(WorldStateStore store) {
    return Behaviors.setup(context -> {
      context.getSystem().receptionist().tell(Receptionist.register(SERVICE_KEY, context.getSelf()));
      return Behaviors.receiveMessage(job -> {
        job.replyTo().tell(run(store, job));
        return Behaviors.same();
      });
    });
  }

  /** One re-execution of the block: the per-tx states are its public inputs, and the final roots are checked. */
  static JobResult run(WorldStateStore store, Job job) {
    L2Block block = job.block();
    try (WorldStateFork fork = store.fork(block.number() - 1)) {
      List<StateReference> states = BlockBuilder.replayWithTxStates(fork, block);
      fork.discard();
      List<TxPublicInputs> inputs = new ArrayList<>(states.size() - 1);
      for (int i = 1; i < states.size(); i++) {
        inputs.add(new TxPublicInputs(states.get(i - 1), states.get(i)));
      }
      return new JobDone(job.jobId(), block.number(), inputs);
    } catch (RuntimeException e) {
      return new JobFailed(job.jobId(), job.attempt(), e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}

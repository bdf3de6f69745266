package dev.obsidian.sim;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Hands out submission slots at the plan's aggregate rate: every tick it issues the slots due since the start
 * ({@code rate x elapsed}, so a late tick catches up instead of losing slots), round-robin over the users, and stops
 * after {@code totalTxs} slots or once the duration is over, whichever comes first.
 */
final class Pacer {
  /** Tick period: slots are issued in bursts of at most rate x this. */
  static final Duration TICK = Duration.ofMillis(10);

  private enum Tick { INSTANCE }

  private Pacer() {}

  static Behavior<Tick> create(LoadPlan plan, List<ActorRef<User.Command>> users, ActorRef<Recorder.Command> recorder,
      Ticker ticker, long startNanos) {
    return Behaviors.withTimers(timers -> {
      timers.startTimerAtFixedRate(Tick.INSTANCE, Duration.ZERO, TICK);
      return pacing(plan, users, recorder, ticker, startNanos, 0);
    });
  }

  private static Behavior<Tick> pacing(LoadPlan plan, List<ActorRef<User.Command>> users,
      ActorRef<Recorder.Command> recorder, Ticker ticker, long startNanos, long issuedSoFar) {
    return Behaviors.receiveMessage(tick -> {
      long now = ticker.nanos();
      long elapsedNanos = now - startNanos;
      long due = Math.min(plan.totalTxs(), slotsDue(plan.txsPerSecond(), elapsedNanos));
      long issued = issuedSoFar;
      for (; issued < due; issued++) {
        users.get((int) (issued % users.size())).tell(User.Submit.INSTANCE);
      }
      if (issued >= plan.totalTxs() || elapsedNanos >= plan.duration().toNanos()) {
        recorder.tell(new Recorder.SubmissionEnded(issued, now));
        return Behaviors.stopped();
      }
      return pacing(plan, users, recorder, ticker, startNanos, issued);
    });
  }

  /** Slots due after {@code elapsedNanos}: floor(rate x elapsed), the first one at the start. */
  static long slotsDue(int txsPerSecond, long elapsedNanos) {
    if (elapsedNanos < 0) {
      return 0;
    }
    // rate <= 1e5 and elapsed <= ~1 h (3.6e12 ns) keep the product below 2^63
    return 1 + txsPerSecond * elapsedNanos / 1_000_000_000L;
  }
}

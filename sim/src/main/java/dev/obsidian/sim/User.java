package dev.obsidian.sim;

import dev.obsidian.actors.TxVerdict;
import dev.obsidian.actors.testkit.RandomTxs;
import dev.obsidian.actors.tx.Tx;
import dev.obsidian.crypto.field.Fr;
import java.util.concurrent.CompletionException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * One simulated wallet: on each {@link Submit} from the pacer it builds the next tx of its own seeded stream, anchored
 * on the latest block it heard of, and sends it, reporting the verdict to the recorder. It never waits for an answer
 * before the next submission (the load is open-loop) but bounds its unanswered submissions: a slot that finds it
 * saturated is reported as skipped rather than queued, so a slow node shows up as skips, not as a hidden backlog.
 */
final class User extends AbstractBehavior<User.Command> {
  /** Unanswered submissions one user may have. */
  static final int MAX_IN_FLIGHT = 64;

  sealed interface Command {}

  enum Submit implements Command { INSTANCE }

  /** A newer block to anchor txs on. */
  record NewAnchor(long blockNumber, Fr blockHash) implements Command {}

  private record Answered(long submitNanos, TxVerdict verdict, Throwable failure) implements Command {}

  private final LoadTarget target;
  private final TxSource txs;
  private final ActorRef<Recorder.Command> recorder;
  private final Ticker ticker;
  private long anchorNumber;
  private Fr anchorHash;
  private int inFlight;

  static Behavior<Command> create(LoadTarget target, TxSource txs, ActorRef<Recorder.Command> recorder, Ticker ticker,
      NewAnchor anchor) {
    return Behaviors.setup(context -> new User(context, target, txs, recorder, ticker, anchor));
  }

  private User(ActorContext<Command> context, LoadTarget target, TxSource txs, ActorRef<Recorder.Command> recorder,
      Ticker ticker, NewAnchor anchor) {
    super(context);
    this.target = target;
    this.txs = txs;
    this.recorder = recorder;
    this.ticker = ticker;
    this.anchorNumber = anchor.blockNumber();
    this.anchorHash = anchor.blockHash();
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Submit.class, s -> submit())
        .onMessage(NewAnchor.class, this::onAnchor)
        .onMessage(Answered.class, this::onAnswer)
        .build();
  }

  private Behavior<Command> submit() {
    if (inFlight >= MAX_IN_FLIGHT) {
      recorder.tell(Recorder.Skipped.INSTANCE);
      return this;
    }
    Tx tx = txs.next(anchorHash);
    inFlight++;
    long submitNanos = ticker.nanos();
    getContext().pipeToSelf(target.sendTx(tx), (verdict, failure) -> new Answered(submitNanos, verdict, failure));
    return this;
  }

  private Behavior<Command> onAnchor(NewAnchor anchor) {
    if (anchor.blockNumber() > anchorNumber) {
      anchorNumber = anchor.blockNumber();
      anchorHash = anchor.blockHash();
    }
    return this;
  }

  private Behavior<Command> onAnswer(Answered answer) {
    inFlight--;
    String failure = answer.failure() == null ? null : describe(answer.failure());
    recorder.tell(new Recorder.Outcome(answer.submitNanos(), ticker.nanos(), answer.verdict(), failure));
    return this;
  }

  private static String describe(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  /** A user's tx stream: {@link RandomTxs} plus the run-wide nullifier claims. */
  interface TxSource {
    Tx next(Fr anchorBlockHash);
  }
}

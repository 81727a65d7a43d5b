package dev.weft.server.runtime;

import dev.weft.store.PendingCommand;
import dev.weft.workflow.decide.Command;
import dev.weft.workflow.decide.Event;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries one claimed outbox entry out and records what came of it (entry done + decision) in
 * one group-committed unit. A {@code StartTimer} entry only becomes a timer row. If this process
 * dies between the side effect and the commit, the entry stays pending and is carried out again
 * once its lease expires; the effect repeats with the same id (the http {@code Idempotency-Key}).
 */
final class CarryOutCommand {
  private final Effector effector;
  private final Recorder recorder;
  private final CommitWithRetry commits;
  private final RuntimeClock clock;
  final AtomicLong carriedOut = new AtomicLong();
  final AtomicLong decisions = new AtomicLong();

  CarryOutCommand(Effector effector, Recorder recorder, CommitWithRetry commits, RuntimeClock clock) {
    this.effector = effector;
    this.recorder = recorder;
    this.commits = commits;
    this.clock = clock;
  }

  void carryOut(PendingCommand p) {
    Command c = Journal.command(p.type(), p.payload());
    if (c instanceof Command.Listen) {
      commits.commit("opening listen " + p.id(), () -> recorder.listenOpened(p, clock.nowMillis()));
      return;
    }
    if (c instanceof Command.StartTimer t) {
      commits.commit("scheduling timer " + p.id(), () -> {
        recorder.timerScheduled(p, t, clock.nowMillis());
        return Boolean.FALSE;
      });
      return;
    }
    Event outcome = effector.outcome(Journal.command(p.type(), recorder.revealed(p)), clock.nowMillis());
    carriedOut.incrementAndGet();
    if (commits.commit("recording " + p.id(), () -> recorder.commandEnded(p, outcome, clock.nowMillis())).orElse(false)) {
      decisions.incrementAndGet();
    }
  }
}

package dev.weft.server.runtime;

import dev.weft.server.outage.FailureStreak;
import dev.weft.store.StoreException;
import dev.weft.store.Timer;
import dev.weft.store.TimerStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The timer loop: fetches the timers due on the injected clock and fires them, all of one
 * fetch submitted together so their decisions share transactions. {@code markFired} in the
 * firing unit picks one winner when several engines fire the same timer.
 */
final class FireDueTimers implements Runnable {
  private static final System.Logger LOG = System.getLogger(FireDueTimers.class.getName());
  private static final int BATCH = 256;

  private final TimerStore timers;
  private final Recorder recorder;
  private final CommitWithRetry commits;
  private final LoopContext loop;
  private final Runnable decided;
  private final FailureStreak reads = FailureStreak.logging("reading due timers", LOG);

  FireDueTimers(TimerStore timers, Recorder recorder, CommitWithRetry commits, LoopContext loop, Runnable decided) {
    this.timers = timers;
    this.recorder = recorder;
    this.commits = commits;
    this.loop = loop;
    this.decided = decided;
  }

  @Override
  public void run() {
    loop.repeat(this::fireDueSafely, BATCH);
  }

  /** A failure of one round is logged, not fatal to the loop: the timers stay due and are tried next round. */
  private int fireDueSafely() {
    try {
      return fireDue();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "firing due timers failed; they stay due", e);
      return 0;
    }
  }

  /** Returns how many timers were due. */
  private int fireDue() {
    List<Timer> due;
    try {
      due = timers.due(Instant.ofEpochMilli(loop.clock().nowMillis()), BATCH);
    } catch (StoreException e) {
      loop.pause(reads.failed(e));
      return 0;
    }
    reads.succeeded();
    List<Supplier<Boolean>> firings = due.stream()
        .<Supplier<Boolean>>map(t -> () -> recorder.timerFired(t, loop.clock().nowMillis())).toList();
    for (Optional<Boolean> fired : commits.commitAll("firing timers", firings)) {
      if (fired.orElse(false)) {
        decided.run();
      }
    }
    return due.size();
  }
}

package dev.weft.agent.protocol;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends the agent's heartbeats every interval on a scheduler of their own, apart from the loop that
 * reports, long-polls and starts tasks: a poll waiting on the server or a task whose start is slow
 * (a loaded machine) cannot make the server think a healthy node is dead. A heartbeat that fails
 * (server away) is told once and tried again at the next interval; the loop's {@link Reconnecting}
 * deals with the server being away. A heartbeat slower than the interval is followed at once by the
 * next (fixed rate), never by two at a time.
 */
public final class Heartbeats {
  private final AgentLoop loop;
  private final Duration every;
  private final Consumer<String> say;
  private volatile boolean failing;

  /** @param say where to tell that heartbeats fail, and when they go through again */
  public Heartbeats(AgentLoop loop, Duration every, Consumer<String> say) {
    if (every.isZero() || every.isNegative()) {
      throw new IllegalArgumentException("the heartbeat interval must be positive, got " + every);
    }
    this.loop = loop;
    this.every = every;
    this.say = say;
  }

  /** Starts beating on {@code on}, the first beat one interval from now; cancel the future (or shut {@code on} down) to stop. */
  public ScheduledFuture<?> start(ScheduledExecutorService on) {
    return on.scheduleAtFixedRate(this::beat, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One heartbeat; never throws, so the schedule goes on whatever happens. */
  void beat() {
    try {
      loop.heartbeat();
      if (failing) {
        failing = false;
        say.accept("heartbeats go through again");
      }
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        say.accept("heartbeat failed (" + e.getMessage() + "); trying again every " + every.toMillis() + " ms");
      }
    }
  }
}

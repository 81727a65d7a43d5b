package dev.weft.agent.protocol;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs an {@link AgentLoop} until told to stop, surviving a server (or its database) that is down:
 * a failed round waits per the {@link Backoff} and tries again; pending status changes stay queued
 * in the loop meanwhile. Says once when the server is lost and once when it is back.
 */
public final class Reconnecting {
  /** Sleeps; the CLI passes {@code Thread::sleep}, tests a recorder. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final AgentLoop loop;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final Consumer<String> say;

  public Reconnecting(AgentLoop loop, Backoff backoff, Sleeper sleeper, Consumer<String> say) {
    this.loop = loop;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.say = say;
  }

  /** Rounds until {@code stop} is true or the thread is interrupted. */
  public void runUntil(BooleanSupplier stop) {
    boolean lost = false;
    while (!stop.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
      try {
        loop.tick();
        if (lost) {
          say.accept("server reachable again; " + loop.pending().size() + " status change(s) still to report");
          lost = false;
        }
        backoff.reset();
      } catch (RuntimeException e) {
        Duration wait = backoff.next();
        if (!lost) {
          say.accept((e instanceof ProtocolException ? "" : "round failed: ") + e.getMessage() + "; retrying in " + wait.toMillis()
              + " ms and backing off, " + loop.pending().size() + " change(s) kept");
          lost = true;
        }
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}

package dev.weft.store;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Wake-up calls between the processes that share one database: one process says "there may be
 * something new on channel X" and the others, if listening, hear it at once instead of at their
 * next timed look. A signal carries no data and may be lost (a listener that was away is told
 * every channel once when it is back), so a receiver always reads the store for what is new;
 * signals only make that sooner. A process never hears its own signals.
 *
 * <p>On PostgreSQL this is {@code LISTEN}/{@code NOTIFY} on channels of the store's schema
 * ({@link dev.weft.store.jdbc.PostgresSignals}); an H2 database is one process's own, so there it
 * is {@link #NONE}.
 */
public interface Signals extends AutoCloseable {
  /** Signals that go nowhere and never arrive. */
  Signals NONE = new Signals() {
    @Override
    public void send(String channel) {
    }

    @Override
    public void listen(Set<String> channels, Consumer<String> heard) {
    }

    @Override
    public void close() {
    }
  };

  /**
   * Signals {@code channel} to the other processes, soon and without waiting: several sends of one
   * channel before the signal went out become one.
   */
  void send(String channel);

  /**
   * Starts telling {@code heard} the channel of each signal another process sends on one of
   * {@code channels} (on a thread of its own; {@code heard} must return quickly). Called once.
   */
  void listen(Set<String> channels, Consumer<String> heard);

  /** Stops sending and listening. */
  @Override
  void close();
}

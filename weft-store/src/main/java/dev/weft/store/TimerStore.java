package dev.weft.store;

import java.time.Instant;
import java.util.List;

/** Durable timers: scheduled by decisions, fetched when due, fired at most once. */
public interface TimerStore {
  /**
   * Schedules a timer. Idempotent by id: returns true if stored now, false if a timer with
   * this id already exists (which is kept as it is).
   */
  boolean schedule(Timer timer);

  /** Up to {@code limit} timers due at {@code now} and not yet fired, earliest first. */
  List<Timer> due(Instant now, int limit);

  /**
   * Marks a timer fired. Idempotent: true the first time, false afterwards, so of two
   * concurrent firers exactly one gets true.
   *
   * @throws NotFoundException if no timer has this id
   */
  boolean markFired(String id, Instant now);
}

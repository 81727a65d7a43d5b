package dev.weft.store;

import java.time.Instant;

/**
 * When the calls of services whose contract limits their rate may start
 * ({@code contract.rateLimit}, as Conductor's {@code rateLimitPerFrequency}): each call reserves
 * the service's next free start, so starts are spaced at least the service's interval apart, in the
 * order the calls arrived, across every server sharing the database. Every version of a service
 * shares its name's schedule.
 */
public interface ServiceRates {
  /**
   * The time call {@code commandId} of {@code service} may start: {@code now} when the service's
   * last start was at least {@code intervalMillis} ago, else that start plus the interval. The
   * call keeps the time it was given when it asks again. Runs in the caller's transaction when
   * there is one.
   */
  Instant reserve(String service, String commandId, long intervalMillis, Instant now);

  /** Forgets the starts given before {@code before}; returns how many. */
  int forget(Instant before);
}

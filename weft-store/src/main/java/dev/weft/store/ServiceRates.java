package dev.weft.store;

import java.time.Instant;

/**
 * When the calls of services whose contract limits their rate may start
 * ({@code contract.rateLimit}, as Conductor's {@code rateLimitPerFrequency}): each call reserves
 * a start, so the service's calls start no faster than its rate (after a burst it allows), in the
 * order the calls arrived, across every server sharing the database. Every version of a service
 * shares its name's schedule.
 */
public interface ServiceRates {
  /**
   * The time call {@code commandId} of {@code service} may start, under a rate of one start every
   * {@code intervalMillis} with bursts of up to {@code burst} starts at once (virtual scheduling,
   * as GCRA): {@code now} while the service has started fewer than {@code burst} calls more than
   * the interval allows, else the earliest time that keeps to it. Calls asking together are given
   * starts in the order they ask. The call keeps the time it was given when it asks again. Runs in
   * the caller's transaction when there is one.
   */
  Instant reserve(String service, String commandId, long intervalMillis, int burst, Instant now);

  /** Forgets the starts given before {@code before}; returns how many. */
  int forget(Instant before);
}

package dev.weft.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The commands decisions asked for, read by whoever carries them out. */
public interface Outbox {
  /** Up to {@code limit} commands not yet marked done, oldest first (ties by id). */
  List<PendingCommand> pending(int limit);

  /**
   * Leases up to {@code limit} pending commands whose lease is free or expired at {@code now}
   * to {@code owner} until {@code now + lease}, oldest first, so several dispatchers (servers)
   * share the outbox without carrying out the same command at the same time. Concurrent
   * claimers never receive the same command; a command whose dispatcher died is claimed again
   * once its lease expires (so it may run twice: its id is the executor's idempotency key).
   */
  List<PendingCommand> claim(String owner, Duration lease, Instant now, int limit);

  /**
   * Marks a command done. Idempotent: returns true the first time, false when it was already
   * done.
   *
   * @throws NotFoundException if no command has this id
   */
  boolean markDone(String commandId, Instant now);
}

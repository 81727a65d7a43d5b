package dev.weft.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

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
   * Extends to {@code now + lease} the leases {@code owner} still holds on {@code commandIds}: those
   * it claimed, not done, whose lease has not run out at {@code now}. A lease that ran out is not
   * taken back (another dispatcher may have claimed the command since). The dispatcher carrying a
   * command out calls this while it runs, so no other claims it however long it takes.
   *
   * @return the ids still {@code owner}'s: renewed now, or already done by it (nothing left to
   *     renew); an id not returned was lost (its lease ran out, another holds it, or it is unknown)
   */
  Set<String> renew(String owner, Collection<String> commandIds, Duration lease, Instant now);

  /**
   * Marks a command done. Idempotent: returns true the first time, false when it was already
   * done.
   *
   * @throws NotFoundException if no command has this id
   */
  boolean markDone(String commandId, Instant now);

  /**
   * Parks a command until {@code until}: it is nobody's and no claim takes it before then (a call
   * waiting for a slot of its service, {@link ServiceSlots}). A done command is left alone.
   */
  void park(String commandId, Instant until);

  /**
   * Makes parked commands claimable at once (a slot was handed to them). A command a dispatcher
   * holds (its parking ran out and it was claimed again) is left to that dispatcher.
   */
  void wake(Collection<String> commandIds);
}

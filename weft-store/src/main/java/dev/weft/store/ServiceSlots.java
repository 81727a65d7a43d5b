package dev.weft.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The slots of services whose contract limits how many of their calls are carried out at once
 * ({@code contract.concurrency}, as Conductor's {@code concurrentExecLimit}). A call, named by its
 * outbox entry's id, holds a slot of its service from when it is carried out until its outcome is
 * recorded, or waits for one in arrival order. A slot given back goes to the oldest waiting call of
 * the same service, which this store names so its entry can be made claimable again. Every version
 * of a service shares its name's slots; each call is admitted against the limit it brings.
 */
public interface ServiceSlots {
  /** Whether a call may be carried out now (it holds a slot) or must wait for one. */
  enum Admission { HELD, WAITING }

  /**
   * What {@link #take} decided for the call, and the waiting calls (their ids) it handed free slots
   * to on the way: slots free beyond the waiting ones (a raised limit) go to the oldest first.
   */
  record Taken(Admission admission, List<String> handedOver) {}

  /** A service's calls holding a slot and waiting for one now. */
  record Usage(int held, int waiting) {}

  /**
   * Admits the call {@code commandId} of {@code service} (of instance {@code instanceId}) when
   * fewer than {@code limit} calls of the service hold a slot, else queues it (or keeps it queued).
   * A call that holds a slot already (carried out again after a crash) keeps it. Runs in the
   * caller's transaction when there is one.
   */
  Taken take(String service, String commandId, String instanceId, int limit, Instant now);

  /**
   * The call ended (or will not be carried out): its slot, or its place in the queue, is given up.
   * A slot given up goes to the service's oldest waiting call.
   *
   * @return the waiting calls that got a slot (none, or one)
   */
  List<String> release(String commandId, Instant now);

  /** As {@link #release} for every call of an instance that ended. */
  List<String> releaseInstance(String instanceId, Instant now);

  /**
   * Gives up the slots and places of calls whose instance has ended (a cancel that raced with the
   * call's admission): the sweep a server runs now and then, so no slot is lost.
   *
   * @return the waiting calls that got a slot
   */
  List<String> releaseEnded(Instant now);

  /**
   * The limit of {@code service} is now {@code limit} (0: none, a version without
   * {@code contract.concurrency}): the slots free under it go to the oldest waiting calls at once,
   * rather than when the next call arrives or ends. Runs in the caller's transaction when there is one.
   *
   * @return the waiting calls that got a slot
   */
  List<String> limitChanged(String service, int limit, Instant now);

  /** What {@code commandId} holds: empty when it neither holds a slot nor waits. */
  java.util.Optional<Admission> of(String commandId);

  /** Per service name with a call holding or waiting: the counts now. */
  Map<String, Usage> usage();
}

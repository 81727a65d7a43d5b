package dev.weft.server.scheduling;

import java.util.List;

/**
 * What one round of {@link SchedulerLoop} did.
 *
 * @param leader whether this server held the lease (and so planned)
 * @param epoch the lease epoch the round ran under (0 when not leader)
 * @param conflicts plans refused because a task or node changed under them (each was planned again)
 * @param gaveUp true when every attempt of the round conflicted and nothing was applied
 * @param mayPlaceMore true when a round at once could place more without anything else changing:
 *     this one preempted (its victims wait again), or placed every one of the oldest
 *     {@link SnapshotReader#PENDING_LIMIT} pending tasks it looked at (newer ones move up and may
 *     fit). A round that left tasks unplaced for want of room waits for a change that makes room.
 * @param resumed true when the round resumed suspended tasks (their agents are to be told at once)
 */
public record RoundResult(boolean leader, long epoch, Applied applied, int conflicts, boolean gaveUp,
                          NodeLiveness.Swept swept, boolean mayPlaceMore, boolean resumed) {
  public RoundResult(boolean leader, long epoch, Applied applied, int conflicts, boolean gaveUp,
                     NodeLiveness.Swept swept, boolean mayPlaceMore) {
    this(leader, epoch, applied, conflicts, gaveUp, swept, mayPlaceMore, false);
  }

  public RoundResult(boolean leader, long epoch, Applied applied, int conflicts, boolean gaveUp,
                     NodeLiveness.Swept swept) {
    this(leader, epoch, applied, conflicts, gaveUp, swept, false);
  }

  /** Whether agents have news: tasks placed on them, runs to stop (preempted) or to resume. */
  public boolean agentsHaveNews() {
    return !applied.placed().isEmpty() || !applied.preempted().isEmpty() || resumed;
  }

  private static final Applied NOTHING = new Applied(List.of(), List.of());

  static RoundResult notLeader() {
    return new RoundResult(false, 0, NOTHING, 0, false, new NodeLiveness.Swept(List.of(), List.of(), List.of()));
  }

  static RoundResult gaveUp(long epoch, int conflicts, NodeLiveness.Swept swept, boolean resumed) {
    return new RoundResult(true, epoch, NOTHING, conflicts, true, swept, false, resumed);
  }
}

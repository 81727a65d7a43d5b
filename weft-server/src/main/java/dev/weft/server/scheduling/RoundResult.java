package dev.weft.server.scheduling;

import java.util.List;

/**
 * What one round of {@link SchedulerLoop} did.
 *
 * @param leader whether this server held the lease (and so planned)
 * @param epoch the lease epoch the round ran under (0 when not leader)
 * @param conflicts plans refused because a task or node changed under them (each was planned again)
 * @param gaveUp true when every attempt of the round conflicted and nothing was applied
 */
public record RoundResult(boolean leader, long epoch, Applied applied, int conflicts, boolean gaveUp,
                          NodeLiveness.Swept swept) {
  private static final Applied NOTHING = new Applied(List.of(), List.of());

  static RoundResult notLeader() {
    return new RoundResult(false, 0, NOTHING, 0, false, new NodeLiveness.Swept(List.of(), List.of(), List.of()));
  }

  static RoundResult gaveUp(long epoch, int conflicts, NodeLiveness.Swept swept) {
    return new RoundResult(true, epoch, NOTHING, conflicts, true, swept);
  }
}

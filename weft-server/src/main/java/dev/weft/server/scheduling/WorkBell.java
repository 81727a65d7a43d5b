package dev.weft.server.scheduling;

import dev.weft.server.cluster.RelayedBell;

/**
 * Wakes every long-poll waiting in this server when the scheduler placed tasks, so an agent hears
 * of new work at once instead of at the end of its wait. A poll still re-reads the store on its
 * own every {@code max}, in case a ring from another server was missed (rings travel between
 * servers on one PostgreSQL through {@code ClusterBells}). The polls waiting here with room for work
 * ({@link WaitingPolls}) are where this server's scheduler hands its placements directly.
 */
public final class WorkBell extends RelayedBell {
  private final WaitingPolls waiting = new WaitingPolls();

  /** The polls waiting here, to which this server's scheduler hands placements directly. */
  WaitingPolls waitingPolls() {
    return waiting;
  }
}

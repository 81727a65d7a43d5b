package dev.weft.server.logs;

import dev.weft.server.cluster.RelayedBell;

/**
 * Wakes the log readers waiting in this server when an agent shipped output here. A reader still
 * re-reads the store on its own every few hundred milliseconds, in case a ring from another server
 * was missed (rings travel between servers on one PostgreSQL through {@code ClusterBells}).
 */
public final class LogBell extends RelayedBell {
}

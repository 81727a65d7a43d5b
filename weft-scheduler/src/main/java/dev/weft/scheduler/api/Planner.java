package dev.weft.scheduler.api;

import java.util.List;

/**
 * The scheduler's port: computes one round's plan from a snapshot. Implementations are pure:
 * no clock, I/O, threads or hidden randomness, so the same arguments give the same plan.
 * Pending tasks that reference an unknown queue are left unplaced with an explanation, never
 * thrown away.
 */
public interface Planner {
  Plan plan(ClusterView view, List<PendingTask> pending, long nowMillis);
}

package dev.weft.server.scheduling;

import dev.weft.scheduler.api.PreemptionMode;
import dev.weft.scheduler.api.SchedulerConfig;
import java.time.Duration;

/**
 * How a server schedules.
 *
 * @param holder this server's name in the scheduler lease (unique per server process)
 * @param round time between scheduler rounds
 * @param leaseTtl how long the lease lasts after its last renewal
 * @param nodeTimeout silence after which a node is down and its tasks are queued again
 * @param maxRequeues times a lost task is queued again before it fails
 * @param heartbeatEvery how often agents are told to heartbeat (well under {@code nodeTimeout})
 * @param preemption what a preempted running task undergoes: killed and queued again, or suspended in
 *     place (a task that cannot be suspended, not yet started or run inside the agent, is killed)
 */
public record SchedulingSettings(String holder, Duration round, Duration leaseTtl, Duration nodeTimeout,
                                 int maxRequeues, Duration heartbeatEvery, PreemptionMode preemption) {
  public SchedulingSettings {
    if (round.isNegative() || round.isZero() || nodeTimeout.isNegative() || nodeTimeout.isZero()) {
      throw new IllegalArgumentException("the round and the node timeout must be positive");
    }
    preemption = preemption == null ? PreemptionMode.KILL_AND_REQUEUE : preemption;
  }

  /** Settings whose preemptions kill and queue again. */
  public SchedulingSettings(String holder, Duration round, Duration leaseTtl, Duration nodeTimeout, int maxRequeues,
                            Duration heartbeatEvery) {
    this(holder, round, leaseTtl, nodeTimeout, maxRequeues, heartbeatEvery, PreemptionMode.KILL_AND_REQUEUE);
  }

  /** The same settings, preempting by {@code mode}. */
  public SchedulingSettings withPreemption(PreemptionMode mode) {
    return new SchedulingSettings(holder, round, leaseTtl, nodeTimeout, maxRequeues, heartbeatEvery, mode);
  }

  /** The core planner's configuration the scheduler loop plans with (and explanations use): the defaults, preempting by {@link #preemption}. */
  public SchedulerConfig plannerConfig() {
    SchedulerConfig config = SchedulerConfig.defaults();
    return config.withPreemption(config.preemption().withMode(preemption));
  }

  /** Rounds every second, a 10 s lease, nodes down after 15 s of silence, heartbeats every 5 s. */
  public static SchedulingSettings defaults(String holder) {
    return withNodeTimeout(holder, NodeLiveness.DEFAULT_TIMEOUT);
  }

  /** The defaults with another node timeout; agents are told to heartbeat at a third of it. */
  public static SchedulingSettings withNodeTimeout(String holder, Duration nodeTimeout) {
    return new SchedulingSettings(holder, Duration.ofSeconds(1), SchedulerLease.DEFAULT_TTL, nodeTimeout,
        NodeLiveness.DEFAULT_MAX_REQUEUES, nodeTimeout.dividedBy(3));
  }
}

package dev.weft.server.api.jobs;

import dev.weft.scheduler.CorePlanner;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.server.api.ApiResource;
import dev.weft.server.logs.LogBell;
import dev.weft.server.logs.LogFeed;
import dev.weft.server.scheduling.RoundBell;
import dev.weft.server.scheduling.WorkBell;
import dev.weft.server.scheduling.TaskExplainer;
import dev.weft.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The jobs, tasks, nodes and queues resources of one database. */
public final class SchedulingResources {
  private SchedulingResources() {}

  /**
   * The four resources; {@code clock} stamps submissions and changes. Explanations come from the
   * core planner with the default configuration (see the last overload).
   */
  public static List<ApiResource> of(Database db, Clock clock) {
    return of(db, clock, new LogBell());
  }

  /** As above; log readers wait on {@code logs}, which the agent protocol's log intake rings. */
  public static List<ApiResource> of(Database db, Clock clock, LogBell logs) {
    return of(db, clock, logs, RoundBell.NONE);
  }

  /** As above; a job submitted rings {@code rounds}, so this server's scheduler places it at once. */
  public static List<ApiResource> of(Database db, Clock clock, LogBell logs, RoundBell rounds) {
    return of(db, clock, logs, rounds, new WorkBell());
  }

  /** As above; a job cancelled rings {@code work}, so waiting agent polls hand out the kills at once. */
  public static List<ApiResource> of(Database db, Clock clock, LogBell logs, RoundBell rounds, WorkBell work) {
    return of(db, clock, logs, rounds, work, SchedulerConfig.defaults());
  }

  /** As above; explanations come from the core planner with {@code planner}, the scheduler loop's own configuration. */
  public static List<ApiResource> of(Database db, Clock clock, LogBell logs, RoundBell rounds, WorkBell work,
                                     SchedulerConfig planner) {
    TaskExplainer explainer = new TaskExplainer(db, new CorePlanner(planner));
    return List.of(new JobResource(db, clock, () -> UUID.randomUUID().toString(), rounds, work),
        new TaskResource(db, explainer, clock, new LogFeed(db, logs, clock)),
        new NodeResource(db, clock), new QueueResource(db, clock));
  }
}

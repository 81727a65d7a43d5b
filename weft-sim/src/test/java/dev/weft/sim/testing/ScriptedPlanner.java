package dev.weft.sim.testing;

import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.Planner;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** A test double that returns, at each call, the plan a script gives for that time (empty when none). */
public final class ScriptedPlanner implements Planner {
  private final LongFunction<Plan> script;

  public ScriptedPlanner(LongFunction<Plan> script) {
    this.script = script;
  }

  public static Plan empty() {
    return new Plan(List.of(), List.of(), List.of(), Map.of());
  }

  @Override
  public Plan plan(ClusterView view, List<PendingTask> pending, long nowMillis) {
    Plan plan = script.apply(nowMillis);
    return plan == null ? empty() : plan;
  }
}

package dev.weft.sim.testing;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.scheduler.api.ClusterView;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.Placement;
import dev.weft.scheduler.api.Plan;
import dev.weft.scheduler.api.Planner;
import dev.weft.scheduler.api.RunningTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test double: places pending tasks strictly in the order given, first node with room, and
 * stops at the first task that does not fit (no backfilling). Records every call it gets.
 */
public final class InOrderPlanner implements Planner {
  /** One call as the simulator made it. */
  public record Call(long now, List<String> pendingIds, ClusterView view, List<PendingTask> pending) {}

  private final List<Call> calls = new ArrayList<>();

  @Override
  public Plan plan(ClusterView view, List<PendingTask> pending, long nowMillis) {
    calls.add(new Call(nowMillis, pending.stream().map(PendingTask::id).toList(), view, List.copyOf(pending)));
    Map<String, Resources> free = new HashMap<>();
    view.nodes().forEach(n -> free.put(n.id(), n.capacity()));
    for (RunningTask r : view.running()) {
      free.computeIfPresent(r.nodeId(), (k, f) -> f.minus(r.spec().resources()));
    }
    List<Placement> placements = new ArrayList<>();
    for (PendingTask task : pending) {
      String node = firstFit(view.nodes(), free, task.spec().resources());
      if (node == null) {
        break;
      }
      free.computeIfPresent(node, (k, f) -> f.minus(task.spec().resources()));
      placements.add(new Placement(task.id(), node, false));
    }
    return new Plan(placements, List.of(), List.of(), Map.of());
  }

  public List<Call> calls() {
    return calls;
  }

  private static String firstFit(List<Node> nodes, Map<String, Resources> free, Resources need) {
    return nodes.stream().filter(n -> need.fitsIn(free.get(n.id()))).map(Node::id).findFirst().orElse(null);
  }
}

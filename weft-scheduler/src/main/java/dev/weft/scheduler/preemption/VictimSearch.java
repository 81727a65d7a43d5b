package dev.weft.scheduler.preemption;

import dev.weft.model.TaskSpec;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.placement.NodeState;
import dev.weft.scheduler.placement.PlacementPlugins;
import dev.weft.scheduler.placement.PlacementRequest;
import dev.weft.scheduler.resources.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds, over all nodes that could host the request if emptied, the cheapest set of eligible
 * victims that makes it fit. Victims are taken in {@code rank} order (best victim first, ties
 * youngest first) until the task fits; the node whose worst victim ranks best wins, then fewer
 * victims, then topology order. (Start time and id only order victims within a node: were they
 * part of the node comparison, two worst victims would almost never tie and the victim count
 * would never be looked at.)
 */
public final class VictimSearch {
  private static final Comparator<RunningTask> YOUNGEST_FIRST =
      Comparator.comparingLong((RunningTask v) -> -v.startMillis()).thenComparing(v -> v.spec().id());
  private final List<NodeState> nodes;
  private final PlacementPlugins plugins;
  private final Map<String, RunningTask> running;
  private final Map<String, long[]> needs;

  public VictimSearch(List<NodeState> nodes, PlacementPlugins plugins, Map<String, RunningTask> running,
                      Map<String, long[]> needs) {
    this.nodes = nodes;
    this.plugins = plugins;
    this.running = running;
    this.needs = needs;
  }

  public VictimChoice find(PlacementRequest r, Predicate<RunningTask> eligible, Comparator<RunningTask> rank,
                           String reason) {
    Comparator<RunningTask> order = rank.thenComparing(YOUNGEST_FIRST);
    VictimChoice best = null;
    RunningTask bestWorst = null;
    for (NodeState n : nodes) {
      if (plugins.rejectIgnoringCapacity(r, n) != null) {
        continue;
      }
      List<RunningTask> victims = victimsOn(n, r.need(), eligible, order);
      if (victims == null || victims.isEmpty()) {
        continue;
      }
      RunningTask worst = victims.get(victims.size() - 1);
      int cmp = best == null ? -1 : rank.compare(worst, bestWorst);
      if (cmp < 0 || (cmp == 0 && victims.size() < best.victims().size())) {
        best = new VictimChoice(n.index(), victims, reason);
        bestWorst = worst;
      }
    }
    return best;
  }

  private List<RunningTask> victimsOn(NodeState n, long[] need, Predicate<RunningTask> eligible,
                                      Comparator<RunningTask> order) {
    List<RunningTask> candidates = new ArrayList<>();
    for (TaskSpec t : n.tasks()) {
      RunningTask rt = running.get(t.id());
      if (rt != null && eligible.test(rt)) {
        candidates.add(rt);
      }
    }
    candidates.sort(order);
    long[] free = n.free();
    List<RunningTask> taken = new ArrayList<>();
    List<TaskSpec> specs = new ArrayList<>();
    List<long[]> released = new ArrayList<>();
    for (RunningTask v : candidates) {
      if (Vectors.fits(need, free)) {
        break;
      }
      taken.add(v);
      specs.add(v.spec());
      released.add(needs.get(v.spec().id()));
      free = n.freeIfReleased(specs, released);
    }
    return Vectors.fits(need, free) ? taken : null;
  }
}

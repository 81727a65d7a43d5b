package dev.weft.sim.workload;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parents of every task of a WfFormat file: the union of the edges declared as
 * {@code parents} and as {@code children} (a file may declare an edge on one end only). Every
 * reference must name a task (ids are unique by now), and the graph must have no cycle.
 */
final class WfDependencies {
  private final WfJson source;
  private final Map<String, WfTask> byId = new LinkedHashMap<>();
  private final Map<String, String> aliases;
  private final Map<String, Set<String>> parents = new LinkedHashMap<>();

  private WfDependencies(WfJson source, WfLayout layout) {
    this.source = source;
    this.aliases = layout.aliases();
    for (WfTask t : layout.tasks()) {
      byId.put(t.id(), t);
      parents.put(t.id(), new LinkedHashSet<>());
    }
  }

  /** The parents of each task, by task id, in the order the tasks and edges are written. */
  static Map<String, List<String>> of(WfJson source, WfLayout layout) {
    WfDependencies d = new WfDependencies(source, layout);
    for (WfTask t : layout.tasks()) {
      t.parents().forEach(p -> d.parents.get(t.id()).add(d.resolve(p, t)));
      t.children().forEach(c -> d.parents.get(d.resolve(c, t)).add(t.id()));
    }
    d.checkAcyclic();
    Map<String, List<String>> out = new LinkedHashMap<>();
    d.parents.forEach((id, ps) -> out.put(id, List.copyOf(ps)));
    return out;
  }

  private String resolve(WfTask.Ref ref, WfTask from) {
    String id = byId.containsKey(ref.target()) ? ref.target() : aliases.get(ref.target());
    if (id == null) {
      throw source.error(ref.pointer(), "unknown task '" + ref.target() + "'");
    }
    if (id.equals(from.id())) {
      throw source.error(ref.pointer(), "task '" + id + "' depends on itself");
    }
    return id;
  }

  /** Kahn's algorithm; when tasks are left over, walks back through their parents to name one cycle. */
  private void checkAcyclic() {
    Map<String, Integer> missing = new HashMap<>();
    Map<String, List<String>> children = new HashMap<>();
    parents.forEach((id, ps) -> {
      missing.put(id, ps.size());
      ps.forEach(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(id));
    });
    Deque<String> ready = new ArrayDeque<>();
    missing.forEach((id, n) -> {
      if (n == 0) {
        ready.add(id);
      }
    });
    while (!ready.isEmpty()) {
      for (String c : children.getOrDefault(ready.poll(), List.of())) {
        if (missing.merge(c, -1, Integer::sum) == 0) {
          ready.add(c);
        }
      }
    }
    parents.keySet().stream().filter(id -> missing.get(id) > 0).findFirst()
        .ifPresent(id -> reportCycle(id, missing));
  }

  /** Every task left over has a parent left over, so walking back from one must come round to a task seen before. */
  private void reportCycle(String start, Map<String, Integer> missing) {
    List<String> path = new ArrayList<>();
    String t = start;
    while (!path.contains(t)) {
      path.add(t);
      t = parents.get(t).stream().filter(p -> missing.get(p) > 0).findFirst().orElseThrow();
    }
    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(t), path.size()));
    Collections.reverse(cycle);
    Collections.rotate(cycle, -cycle.indexOf(t));
    cycle.add(t);
    throw source.error(byId.get(t).pointer(), "dependency cycle " + String.join(" -> ", cycle));
  }
}

package dev.weft.sim.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the WfFormat 1.5 layout (also that of 1.6, which only adds optional fields): the graph in
 * {@code workflow.specification.tasks[]} ({@code id}, {@code parents}, {@code children}), what
 * happened in {@code workflow.execution}: {@code tasks[]} by {@code id} with
 * {@code runtimeInSeconds}, {@code coreCount} and {@code memoryInBytes}, {@code machines[]} with
 * {@code nodeName}, {@code cpu.coreCount} and {@code memoryInBytes}, and {@code makespanInSeconds}.
 */
final class WfLayout15 {
  private WfLayout15() {}

  static WfLayout read(WfNode root, String name, String version) {
    WfNode workflow = root.object("workflow");
    WfNode execution = workflow.object("execution");
    Map<String, WfNode> runs = runsById(execution.array("tasks"));
    List<WfTask> tasks = new ArrayList<>();
    for (WfNode t : workflow.object("specification").array("tasks")) {
      String id = t.text("id");
      WfNode run = runs.get(id);
      if (run == null) {
        throw t.error("task '" + id + "' has no entry in /workflow/execution/tasks, so no run time");
      }
      tasks.add(new WfTask(id, t.pointer(), WfTask.refs(t.optionalArray("parents")),
          WfTask.refs(t.optionalArray("children")), run.number("runtimeInSeconds", 0),
          WfCores.of(run, "coreCount"), run.optionalNumber("memoryInBytes", 0).orElse(0)));
    }
    WfLayout.requireUniqueIds(root.source(), tasks);
    tasks.forEach(t -> runs.remove(t.id()));
    if (!runs.isEmpty()) {
      WfNode extra = runs.values().iterator().next();
      throw extra.error("execution task '" + extra.text("id") + "' is not in /workflow/specification/tasks");
    }
    List<WfMachine> machines = execution.optionalArray("machines").stream()
        .map(m -> new WfMachine(m.text("nodeName"),
            m.optionalObject("cpu").map(c -> c.optionalNumber("coreCount", 1).orElse(0)).orElse(0.0),
            m.optionalNumber("memoryInBytes", 0).orElse(0)))
        .toList();
    return new WfLayout(name, version, tasks, Map.of(), machines, execution.optionalNumber("makespanInSeconds", 0));
  }

  private static Map<String, WfNode> runsById(List<WfNode> runs) {
    Map<String, WfNode> byId = new LinkedHashMap<>();
    for (WfNode run : runs) {
      WfNode first = byId.putIfAbsent(run.text("id"), run);
      if (first != null) {
        throw run.error("execution task '" + run.text("id") + "' appears twice (first at " + first.pointer() + ")");
      }
    }
    return byId;
  }
}

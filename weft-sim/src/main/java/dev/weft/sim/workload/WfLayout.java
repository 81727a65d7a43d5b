package dev.weft.sim.workload;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a WfFormat file says, whatever its schema version: the tasks, the aliases by which tasks
 * may also be referenced, the machines and the recorded makespan.
 *
 * @param aliases other names of tasks (a 1.4 task's {@code id}) to their task id
 */
record WfLayout(String name, String schemaVersion, List<WfTask> tasks, Map<String, String> aliases,
                List<WfMachine> machines, OptionalDouble makespanSeconds) {
  WfLayout {
    tasks = List.copyOf(tasks);
    aliases = Map.copyOf(aliases);
    machines = List.copyOf(machines);
  }

  /** Task ids are unique; a repeated one is reported where it repeats. */
  static void requireUniqueIds(WfJson source, List<WfTask> tasks) {
    Map<String, WfTask> byId = new HashMap<>();
    for (WfTask t : tasks) {
      WfTask first = byId.putIfAbsent(t.id(), t);
      if (first != null) {
        throw source.error(t.pointer(), "task id '" + t.id() + "' appears twice (first at " + first.pointer() + ")");
      }
    }
  }
}

package dev.weft.sim.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the WfFormat 1.4 layout: one list {@code workflow.tasks[]} holding graph and run alike
 * ({@code name}, {@code parents}/{@code children} by name, {@code runtimeInSeconds},
 * {@code cores}, {@code memoryInBytes}), {@code workflow.machines[]} with {@code nodeName},
 * {@code cpu.count} and {@code memoryInBytes}, and {@code workflow.makespanInSeconds}. A task is
 * known by its name; its optional {@code id} is accepted as an alias in references, as WfCommons'
 * own 1.4-to-1.5 migration does.
 */
final class WfLayout14 {
  private WfLayout14() {}

  static WfLayout read(WfNode root, String name, String version) {
    WfNode workflow = root.object("workflow");
    List<WfTask> tasks = new ArrayList<>();
    Map<String, String> aliases = new HashMap<>();
    for (WfNode t : workflow.array("tasks")) {
      String id = t.text("name");
      t.optionalText("id").ifPresent(alias -> aliases.putIfAbsent(alias, id));
      tasks.add(new WfTask(id, t.pointer(), WfTask.refs(t.optionalArray("parents")),
          WfTask.refs(t.optionalArray("children")), t.number("runtimeInSeconds", 0), WfCores.of(t, "cores"),
          t.optionalNumber("memoryInBytes", 0).orElse(0)));
    }
    WfLayout.requireUniqueIds(root.source(), tasks);
    List<WfMachine> machines = workflow.optionalArray("machines").stream()
        .map(m -> new WfMachine(m.text("nodeName"),
            m.optionalObject("cpu").map(c -> c.optionalNumber("count", 1).orElse(0)).orElse(0.0),
            m.optionalNumber("memoryInBytes", 0).orElse(0)))
        .toList();
    return new WfLayout(name, version, tasks, aliases, machines, workflow.optionalNumber("makespanInSeconds", 0));
  }
}

package dev.weft.sim.workload;

import java.util.List;

/**
 * One task of a WfFormat file as written, before its references are resolved.
 *
 * @param pointer where the task is described (its specification entry in 1.5)
 * @param parents references to tasks that must finish first
 * @param children references to tasks that wait for this one (WfFormat may declare an edge on
 *     either end, or both)
 * @param memoryBytes 0 when the file records none
 */
record WfTask(String id, String pointer, List<Ref> parents, List<Ref> children, double runtimeSeconds,
              double cores, double memoryBytes) {
  /** A reference to another task, and where it is written. */
  record Ref(String target, String pointer) {}

  WfTask {
    parents = List.copyOf(parents);
    children = List.copyOf(children);
  }

  static List<Ref> refs(List<WfNode> elements) {
    return elements.stream().map(e -> new Ref(e.asText(), e.pointer())).toList();
  }
}

package dev.weft.sim.demo;

import dev.weft.model.Node;
import dev.weft.sim.metrics.QueueMetrics;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.metrics.TaskRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Renders a demo run for a terminal: who ran where, the waits per queue, what preemption did. */
public final class DemoReport {
  private DemoReport() {}

  public static String render(SimResult r, List<Node> nodes) {
    Map<String, Node> byId = nodes.stream().collect(Collectors.toMap(Node::id, Function.identity()));
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-11s %-11s %-5s %-20s %8s %8s %8s %6s%n", "task", "queue", "node", "topology",
        "submit", "start", "finish", "preempt"));
    r.tasks().stream().sorted(Comparator.comparingLong(TaskRecord::startMillis).thenComparing(TaskRecord::id))
        .forEach(t -> out.append(String.format("%-11s %-11s %-5s %-20s %7.0fs %7.0fs %7.0fs %6d%n", t.id(),
            t.queue(), t.node(), byId.get(t.node()).topology(), t.submitMillis() / 1000.0,
            t.startMillis() / 1000.0, t.finishMillis() / 1000.0, t.preemptions())));
    out.append(String.format("%nwaits per queue:%n"));
    new TreeMap<>(r.queues()).forEach((q, m) -> out.append(line(q, m)));
    out.append(String.format("%n%d tasks, makespan %.0f s, utilisation %.1f%%, %d preemptions, average wait %.1f s%n",
        r.jobs(), r.makespan(), 100 * r.utilization(), r.preemptions(), r.avgWait()));
    return out.toString();
  }

  private static String line(String queue, QueueMetrics m) {
    return String.format("  %-11s %3d tasks  average wait %7.1f s  average turnaround %7.1f s  bounded slowdown %.2f%n",
        queue, m.jobs(), m.avgWait(), m.avgTurnaround(), m.avgBoundedSlowdown());
  }
}

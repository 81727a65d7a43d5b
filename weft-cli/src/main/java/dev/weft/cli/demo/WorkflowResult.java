package dev.weft.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One workflow instance of the demo as the API showed it at its end: status, output (or error),
 * and the tasks its service calls became, with where each ran.
 */
record WorkflowResult(String definition, List<Integer> numbers, String id, String status, Instant created,
                      Instant updated, JsonNode output, JsonNode error, List<Call> calls) {
  /** One task a service call became. */
  record Call(String taskId, String node, String queue, int priority, Instant submitted, Instant started, String state,
              int attempt) {}

  /** The section of the summary: the instance, its output, where its calls ran and how long they waited. */
  String render(Map<String, String> topology, Instant start) {
    StringBuilder b = new StringBuilder();
    b.append("Workflow ").append(definition).append(" over ").append(numbers.getFirst()).append("..")
        .append(numbers.getLast()).append(" (instance ").append(id).append("): ").append(status);
    if (created != null && updated != null) {
      b.append(" in ").append(Summary.seconds(Duration.between(created, updated).toMillis()))
          .append(", started at ").append(Summary.at(created, start));
    }
    b.append('\n').append("  output: ").append("COMPLETED".equals(status) ? output : error).append('\n');
    Map<String, Integer> perNode = new TreeMap<>();
    long waits = 0;
    long maxWait = 0;
    int started = 0;
    for (Call c : calls) {
      perNode.merge(c.node() == null ? "-" : c.node(), 1, Integer::sum);
      if (c.submitted() != null && c.started() != null) {
        long w = Duration.between(c.submitted(), c.started()).toMillis();
        waits += w;
        maxWait = Math.max(maxWait, w);
        started++;
      }
    }
    b.append("  its ").append(calls.size()).append(" square calls ran as tasks");
    if (!calls.isEmpty()) {
      b.append(" (").append(calls.getFirst().queue()).append(", priority ").append(calls.getFirst().priority())
          .append(')');
    }
    b.append(':');
    perNode.forEach((node, n) -> b.append(' ').append(node).append(" (").append(topology.getOrDefault(node, "?"))
        .append(") x").append(n).append(';'));
    b.setLength(b.length() - (perNode.isEmpty() ? 0 : 1));
    b.append('\n');
    if (started > 0) {
      b.append(String.format(Locale.ROOT, "  waits of its tasks (submitted -> start): mean %s, max %s%n",
          Summary.seconds(waits / started), Summary.seconds(maxWait)));
    }
    long again = calls.stream().filter(c -> c.attempt() > 0).count();
    if (again > 0) {
      b.append("  ").append(again).append(" of them ran more than once (preempted or lost, then queued again)\n");
    }
    return b.toString();
  }
}

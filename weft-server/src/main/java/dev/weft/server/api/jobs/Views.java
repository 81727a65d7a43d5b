package dev.weft.server.api.jobs;

import dev.weft.model.Resources;
import dev.weft.model.lifecycle.TaskState;
import dev.weft.store.Job;
import dev.weft.store.NodeRecord;
import dev.weft.store.TaskRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the scheduling resources answer, as plain maps (fields without a value are left out). */
final class Views {
  private Views() {}

  static Map<String, Object> job(Job j, List<TaskRecord> tasks) {
    Map<String, Object> m = jobHead(j);
    Map<String, Integer> counts = new LinkedHashMap<>();
    tasks.forEach(t -> counts.merge(t.status().name(), 1, Integer::sum));
    m.put("counts", counts);
    m.put("tasks", tasks.stream().map(Views::taskLine).toList());
    return m;
  }

  /**
   * The answer to submitting an array or a DAG: the job, its task count and {@code counts} per
   * state, without reading its (up to 10,000) tasks back; {@code GET} the job for them.
   */
  static Map<String, Object> jobCounts(Job j, Map<TaskState, Integer> byState) {
    Map<String, Object> m = jobHead(j);
    Map<String, Integer> counts = new LinkedHashMap<>();
    byState.forEach((state, n) -> counts.put(state.name(), n));
    m.put("taskCount", byState.values().stream().mapToInt(Integer::intValue).sum());
    m.put("counts", counts);
    return m;
  }

  static Map<String, Object> jobHead(Job j) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", j.id());
    m.put("name", j.name());
    m.put("kind", j.kind().name());
    m.put("submittedAt", j.submittedAt().toString());
    time(m, "notBefore", j.notBefore());
    return m;
  }

  static Map<String, Object> taskLine(TaskRecord t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("state", t.status().name());
    put(m, "node", t.nodeId());
    m.put("attempt", t.attempt());
    put(m, "exitCode", t.exitCode());
    put(m, "message", t.message());
    return m;
  }

  static Map<String, Object> task(TaskRecord t) {
    Map<String, Object> m = taskLine(t);
    m.put("jobId", t.jobId());
    m.put("name", t.name());
    m.put("queue", t.queue());
    m.put("priority", t.priority());
    time(m, "submittedAt", t.submittedAt());
    time(m, "placedAt", t.placedAt());
    time(m, "startedAt", t.startedAt());
    time(m, "finishedAt", t.finishedAt());
    m.put("spec", t.spec());
    return m;
  }

  static Map<String, Object> node(NodeRecord n, int holding) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", n.id());
    m.put("state", n.state().name());
    m.put("topology", n.topology());
    m.put("capacity", n.capacity());
    m.put("labels", n.labels());
    m.put("taints", n.taints());
    time(m, "lastHeartbeat", n.lastHeartbeat());
    m.put("tasks", holding);
    return m;
  }

  static Map<String, Object> resources(Resources r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpuMillis", r.cpuMillis());
    m.put("memoryMiB", r.memoryMiB());
    m.put("diskMiB", r.diskMiB());
    m.put("gpus", r.gpus());
    if (!r.extended().isEmpty()) {
      m.put("extended", r.extended());
    }
    return m;
  }

  private static void put(Map<String, Object> m, String k, Object v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  private static void time(Map<String, Object> m, String k, Instant v) {
    if (v != null) {
      m.put(k, v.toString());
    }
  }
}

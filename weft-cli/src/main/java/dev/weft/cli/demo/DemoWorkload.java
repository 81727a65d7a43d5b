package dev.weft.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * What the demo asks of the cluster, as a user would write it: the queue tree (YAML for
 * {@code PUT /api/v1/queues}) and the jobs (JSON for {@code POST /api/v1/jobs}), in two phases.
 *
 * <p>Phase one fills the 8 CPUs with low-priority batch work. Phase two, once that runs, brings
 * two high-priority prod tasks (nothing is free, so the scheduler preempts batch tasks for them),
 * a four-CPU batch task that only node-c can hold (it is the shortest in the sjf order, so it heads
 * the batch queue, blocked until node-c empties, with a reservation there) and two short batch
 * tasks behind it that fit in the gaps the prod tasks leave on the small nodes (EASY backfilling:
 * they do not delay the reservation). Estimates are a little above the actual run times, as a
 * user's estimate would be. Cpu-bound tasks spin for a wall-clock time (niced, so the control
 * plane on the same machine stays responsive); io-bound ones sleep.
 */
final class DemoWorkload {
  static final String PROD = "root.prod";
  static final String BATCH = "root.batch";
  static final int HIGH = 80;
  static final int LOW = 20;
  static final String WIDE = "wide/render";

  /** The queue tree, and each leaf's policy (the summary orders tasks by it to recognise backfills). */
  static final String QUEUES = """
      name: root
      children:
        - { name: prod, guarantee: "50%", policy: priority }
        - { name: batch, policy: sjf }
      """;
  static final Map<String, String> POLICIES = Map.of(PROD, "priority", BATCH, "sjf");
  static final String QUEUES_LINE = "root.prod (priority, 50% guaranteed), root.batch (sjf, no guarantee: borrows what is idle)";

  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoWorkload() {}

  /** Phase one: 8 one-CPU batch tasks, 2 cpu-bound and 6 io-bound, 11 s each (estimate 12 s). */
  static List<ObjectNode> fill() {
    ArrayNode tasks = JSON.createArrayNode();
    for (int i = 1; i <= 2; i++) {
      tasks.add(task("fill/crunch-" + i, BATCH, LOW, 1, "cpu", 12, spin(11)));
    }
    for (int i = 1; i <= 6; i++) {
      tasks.add(task("fill/fetch-" + i, BATCH, LOW, 1, "io", 12, "sleep 11"));
    }
    return List.of(job("fill", tasks));
  }

  /** Phase two: the prod tasks that preempt, the wide batch task, the short ones that backfill. */
  static List<ObjectNode> contention() {
    ArrayNode urgent = JSON.createArrayNode();
    urgent.add(task("urgent/report", PROD, HIGH, 1, "cpu", 3, spin(2)));
    urgent.add(task("urgent/alert", PROD, HIGH, 1, "io", 3, "sleep 2"));
    ArrayNode wide = JSON.createArrayNode();
    wide.add(task(WIDE, BATCH, LOW, 4, "cpu", 5, spin(4)));
    for (int i = 1; i <= 2; i++) {
      wide.add(task("wide/thumb-" + i, BATCH, LOW, 1, "io", 6, "sleep 3"));
    }
    return List.of(job("urgent", urgent), job("wide", wide));
  }

  /** Busy for {@code seconds} of wall-clock time; exit 0 when the time is up (timeout's 124). */
  private static String spin(int seconds) {
    return "nice -n 10 timeout " + seconds + " sh -c 'while :; do :; done'; [ $? -eq 124 ]";
  }

  private static ObjectNode job(String id, ArrayNode tasks) {
    ObjectNode j = JSON.createObjectNode().put("id", id).put("name", id);
    j.set("tasks", tasks);
    return j;
  }

  private static ObjectNode task(String id, String queue, int priority, int cpus, String profile, int estimateSeconds,
                                 String command) {
    ObjectNode t = JSON.createObjectNode().put("id", id).put("queue", queue).put("priority", priority)
        .put("profile", profile).put("estimate", estimateSeconds + "s");
    t.putObject("resources").put("cpu", cpus).put("memory", "128Mi");
    t.putObject("run").put("command", command);
    return t;
  }
}

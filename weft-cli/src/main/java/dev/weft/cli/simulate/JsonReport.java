package dev.weft.cli.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.sim.metrics.QueueMetrics;
import dev.weft.sim.metrics.SimResult;

/**
 * The {@code --json} output: one object with the figures (seconds; utilization a fraction of 1),
 * the counts of skipped, rejected and stuck jobs, the figures per queue and the choices made.
 */
final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonReport() {}

  /** The figures every run reports, in the order of ARCHITECTURE.md section 7. */
  static void figures(ObjectNode o, SimResult r) {
    o.put("jobs", r.jobs());
    o.put("avgWait", r.avgWait());
    o.put("avgTurnaround", r.avgTurnaround());
    o.put("avgBoundedSlowdown", r.avgBoundedSlowdown());
    o.put("makespan", r.makespan());
    o.put("utilization", r.utilization());
    o.put("maxWait", r.maxWait());
  }

  static String render(SimulationSetup setup, SimResult r) {
    ObjectNode o = MAPPER.createObjectNode();
    figures(o, r);
    o.put("skipped", setup.workload().skipped());
    o.put("rejected", r.rejected());
    r.rejectedIds().forEach(o.putArray("rejectedIds")::add);
    o.put("stuck", r.stuck());
    r.stuckIds().forEach(o.putArray("stuckIds")::add);
    o.put("preemptions", r.preemptions());
    ObjectNode queues = o.putObject("queues");
    r.queues().forEach((name, m) -> queue(queues.putObject(name), m));
    o.put("policy", setup.policy());
    o.put("queueTree", setup.queueSource());
    o.put("backfill", setup.choice().backfill().wire());
    o.put("backfillOrder", setup.choice().order().wire());
    o.put("preemption", setup.choice().preemption().wire());
    o.put("preemptionMode", setup.choice().mode().wire());
    o.put("cluster", setup.cluster().describe());
    o.put("workload", setup.workload().source());
    o.put("format", setup.workload().format().wire());
    DagReport.json(o, setup, r);
    return o.toString() + System.lineSeparator();
  }

  private static void queue(ObjectNode q, QueueMetrics m) {
    q.put("jobs", m.jobs());
    q.put("avgWait", m.avgWait());
    q.put("avgTurnaround", m.avgTurnaround());
    q.put("avgBoundedSlowdown", m.avgBoundedSlowdown());
  }
}

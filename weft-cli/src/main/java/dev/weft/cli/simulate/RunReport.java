package dev.weft.cli.simulate;

import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.report.Num;
import dev.weft.sim.report.Report;
import dev.weft.sim.report.runs.SimulationReport;
import dev.weft.sim.report.runs.TaskGantt;

/**
 * The {@code --report} of {@code weft simulate}: the run's settings, figures, waits and utilisation
 * and, when the workload has dependencies (a workflow), its schedule as a Gantt chart.
 */
final class RunReport {
  private RunReport() {}

  static Report of(SimulationSetup s, SimResult r) {
    SimulationReport report = SimulationReport.of(r, clusterCpus(s), label(s))
        .setting("workload", s.workload().source() + " (" + s.workload().format().wire() + ", "
            + Num.count(s.workload().jobs().size()) + " jobs, " + Num.count(s.workload().skipped()) + " skipped)")
        .setting("cluster", s.cluster().describe())
        .setting("queues", s.queueSource().equals("workload") ? "one leaf per queue of the workload" : s.queueSource())
        .setting("policy", s.policy())
        .setting("backfill", s.choice().backfill().wire() + " (" + s.choice().order().wire() + " order)")
        .setting("preemption", s.choice().preemption().wire() + " (" + s.choice().mode().wire() + ")");
    if (s.workload().jobs().stream().anyMatch(j -> !j.spec().dependsOn().isEmpty())) {
      report.gantt(TaskGantt.BY_TYPE);
    }
    return report.toReport();
  }

  static double clusterCpus(SimulationSetup s) {
    return s.cluster().nodes().stream().map(Node::capacity).mapToLong(Resources::cpuMillis).sum() / 1000.0;
  }

  private static String label(SimulationSetup s) {
    return s.policy() + ", backfill " + s.choice().backfill().wire();
  }
}

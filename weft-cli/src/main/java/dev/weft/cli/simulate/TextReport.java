package dev.weft.cli.simulate;

import dev.weft.sim.metrics.QueueMetrics;
import dev.weft.sim.metrics.SimResult;
import java.util.Locale;

/** The human output of {@code simulate}: what ran on what, the figures, and the figures per queue. */
final class TextReport {
  private static final String ROW = "%-24s %6s %10s %14s %9s%n";

  private TextReport() {}

  static String render(SimulationSetup s, SimResult r) {
    StringBuilder out = new StringBuilder();
    out.append(f("workload  %s (%s): %d jobs, %d skipped, %d rejected, %d stuck%n", s.workload().source(),
        s.workload().format().wire(), s.workload().jobs().size(), s.workload().skipped(), r.rejected(), r.stuck()));
    out.append(f("cluster   %s%n", s.cluster().describe()));
    out.append(f("queues    %s%n", s.queueSource().equals("workload")
        ? "one leaf per queue of the workload, policy " + s.policy() : "from " + s.queueSource()));
    out.append(f("scheduler backfill %s (%s order), preemption %s (%s)%n%n",
        s.choice().backfill().wire(), s.choice().order().wire(), s.choice().preemption().wire(),
        s.choice().mode().wire()));
    out.append(f("%-24s %12.1f s%n", "average wait", r.avgWait()));
    out.append(f("%-24s %12.1f s%n", "average turnaround", r.avgTurnaround()));
    out.append(f("%-24s %12.2f%n", "average bounded slowdown", r.avgBoundedSlowdown()));
    out.append(f("%-24s %12.1f s%n", "maximum wait", r.maxWait()));
    out.append(f("%-24s %12.1f s%n", "makespan", r.makespan()));
    out.append(f("%-24s %12.1f %%%n", "utilization", 100 * r.utilization()));
    out.append(f("%-24s %12d%n", "preemptions", r.preemptions()));
    out.append(DagReport.text(s, r)).append(System.lineSeparator());
    out.append(f(ROW, "queue", "jobs", "avg wait", "avg turnaround", "avg bsld"));
    r.queues().forEach((name, m) -> out.append(row(name, m)));
    return out.toString();
  }

  private static String row(String name, QueueMetrics m) {
    return f(ROW, name, m.jobs(), f("%.1f s", m.avgWait()), f("%.1f s", m.avgTurnaround()),
        f("%.2f", m.avgBoundedSlowdown()));
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}

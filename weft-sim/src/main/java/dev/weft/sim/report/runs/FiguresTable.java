package dev.weft.sim.report.runs;

import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.report.Num;
import dev.weft.sim.report.Table;
import java.util.List;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** The figures of runs as tables: one run down a column, several runs side by side, the queues of a run. */
public final class FiguresTable {
  private FiguresTable() {}

  /** The figures of one run, one per row. Seconds exactly, with a readable form beside. */
  public static Table of(SimResult r) {
    return Table.of("figure", "value")
        .row("jobs finished", Num.count(r.jobs()))
        .row("average wait", Num.seconds(r.avgWait()))
        .row("average turnaround", Num.seconds(r.avgTurnaround()))
        .row("average bounded slowdown", Num.fixed(r.avgBoundedSlowdown(), 2))
        .row("maximum wait", Num.seconds(r.maxWait()))
        .row("makespan", Num.seconds(r.makespan()))
        .row("utilization", Num.percent(r.utilization()))
        .row("preemptions", Num.count(r.preemptions()))
        .row("rejected (fit no node)", Num.count(r.rejected()))
        .row("stuck (never ran)", Num.count(r.stuck()));
  }

  /** One row per run; the best average wait, bounded slowdown and utilization are in bold. */
  public static Table compare(List<LabelledResult> runs) {
    Table t = Table.of("run", "jobs", "avg wait", "avg turnaround", "avg bounded slowdown", "max wait", "makespan",
        "utilization", "stuck");
    for (LabelledResult run : runs) {
      SimResult r = run.result();
      t.row(run.label(), Num.count(r.jobs()), Num.duration(r.avgWait()), Num.duration(r.avgTurnaround()),
          Num.fixed(r.avgBoundedSlowdown(), 2), Num.duration(r.maxWait()), Num.duration(r.makespan()),
          Num.percent(r.utilization()), Num.count(r.stuck()));
    }
    emphasiseBest(t, runs, 2, SimResult::avgWait, false);
    emphasiseBest(t, runs, 4, SimResult::avgBoundedSlowdown, false);
    emphasiseBest(t, runs, 7, SimResult::utilization, true);
    return t;
  }

  /** The figures of each queue of a run, queues in name order. */
  public static Table perQueue(SimResult r) {
    Table t = Table.of("queue", "jobs", "avg wait", "avg turnaround", "avg bounded slowdown");
    new TreeMap<>(r.queues()).forEach((name, m) -> t.row(name, Num.count(m.jobs()),
        Num.seconds(m.avgWait()), Num.seconds(m.avgTurnaround()), Num.fixed(m.avgBoundedSlowdown(), 2)));
    return t;
  }

  private static void emphasiseBest(Table t, List<LabelledResult> runs, int column, ToDoubleFunction<SimResult> figure,
                                    boolean higherIsBetter) {
    if (runs.size() < 2) {
      return;
    }
    double best = runs.stream().mapToDouble(r -> figure.applyAsDouble(r.result()))
        .reduce(higherIsBetter ? Math::max : Math::min).orElseThrow();
    for (int i = 0; i < runs.size(); i++) {
      if (figure.applyAsDouble(runs.get(i).result()) == best) {
        t.emphasise(i, column);
      }
    }
  }
}

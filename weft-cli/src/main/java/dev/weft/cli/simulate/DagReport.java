package dev.weft.cli.simulate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.sim.dag.DagFigures;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.workload.WfInstance;
import dev.weft.sim.workload.WorkloadFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The figures of a DAG replay, for WfFormat instances and for any workload with dependencies:
 * critical path, total work, the lower bound {@code max(critical path, total work / CPUs)} and
 * the makespan over it, the tight cluster's size, and for WfFormat the recorded makespan and the
 * makespan over it. Seconds; total work in CPU-seconds.
 */
final class DagReport {
  private DagReport() {}

  static void json(ObjectNode o, SimulationSetup s, SimResult r) {
    figures(s, r).ifPresent(d -> {
      o.put("criticalPath", d.bounds().criticalPathSeconds());
      o.put("totalWork", d.bounds().totalWorkSeconds());
      o.put("lowerBound", d.lowerBound());
      o.put("makespanOverLowerBound", d.makespanOverLowerBound());
      o.put("tightSlots", d.bounds().tightSlots());
      d.recordedMakespanSeconds().ifPresent(v -> o.put("recordedMakespan", v));
      d.makespanOverRecorded().ifPresent(v -> o.put("makespanOverRecorded", v));
    });
  }

  /** Lines for the human report, empty when the workload is no DAG. */
  static String text(SimulationSetup s, SimResult r) {
    return figures(s, r).map(d -> {
      StringBuilder out = new StringBuilder();
      out.append(f("%-24s %12.1f s%n", "critical path", d.bounds().criticalPathSeconds()));
      out.append(f("%-24s %12.1f CPU-s%n", "total work", d.bounds().totalWorkSeconds()));
      out.append(f("%-24s %12.1f s   makespan / bound %.3f (tight cluster: cpus=%d)%n", "lower bound",
          d.lowerBound(), d.makespanOverLowerBound(), d.bounds().tightSlots()));
      d.recordedMakespanSeconds().ifPresent(v -> out.append(f("%-24s %12.1f s   makespan / recorded %.3f%n",
          "recorded makespan", v, d.makespanOverRecorded().orElse(0))));
      return out.toString();
    }).orElse("");
  }

  private static Optional<DagFigures> figures(SimulationSetup s, SimResult r) {
    boolean dag = s.workload().format() == WorkloadFormat.WFFORMAT
        || s.workload().jobs().stream().anyMatch(j -> !j.spec().dependsOn().isEmpty());
    if (!dag) {
      return Optional.empty();
    }
    OptionalDouble recorded = s.instance().map(WfInstance::recordedMakespanSeconds).orElse(OptionalDouble.empty());
    return Optional.of(DagFigures.of(s.workload().jobs(), s.cluster().totalCapacity().cpuMillis() / 1000.0,
        r.makespan(), recorded));
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}

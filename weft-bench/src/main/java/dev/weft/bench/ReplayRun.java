package dev.weft.bench;

import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.scheduler.CorePlanner;
import dev.weft.scheduler.api.PreemptionConfig;
import dev.weft.scheduler.api.SchedulerConfig;
import dev.weft.sim.cluster.ClusterSpec;
import dev.weft.sim.engine.Simulator;
import dev.weft.sim.metrics.SimResult;
import dev.weft.sim.workload.Workload;
import dev.weft.sim.workload.WorkloadFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times whole trace replays (read the file, replay it through the real planner, compute the
 * figures) in one JVM: one warm-up replay, then {@code runs} timed ones. A replay of tens of
 * thousands of jobs lasts seconds, far above timer resolution, so plain wall time is honest here.
 */
final class ReplayRun {
  private final Path workload;
  private final SchedulerConfig.Backfill backfill;
  private final int runs;

  ReplayRun(Path workload, SchedulerConfig.Backfill backfill, int runs) {
    this.workload = workload;
    this.backfill = backfill;
    this.runs = runs;
  }

  Map<String, Object> run() {
    if (!Files.isRegularFile(workload)) {
      throw new IllegalArgumentException(workload + ": no such file (pass --workload)");
    }
    SimResult last = replay();
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      last = replay();
      seconds.add((System.nanoTime() - t0) / 1e9);
    }
    List<Double> sorted = seconds.stream().sorted().toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", "replay");
    out.put("workload", workload.toString());
    out.put("backfill", backfill.name().toLowerCase(java.util.Locale.ROOT));
    out.put("jobs", last.jobs());
    out.put("runs", runs);
    out.put("secondsMin", sorted.getFirst());
    out.put("secondsMedian", sorted.get(sorted.size() / 2));
    out.put("secondsMax", sorted.getLast());
    out.put("jobsPerSecond", Math.round(last.jobs() / sorted.get(sorted.size() / 2)));
    out.put("avgBoundedSlowdown", last.avgBoundedSlowdown());
    out.put("jdk", Runtime.version().toString());
    return out;
  }

  private SimResult replay() {
    Workload w = WorkloadFormat.fromFileName(workload).orElse(WorkloadFormat.SWF).read(workload);
    long cpus = w.declaredCpus() > 0 ? w.declaredCpus() : 128;
    SchedulerConfig config = SchedulerConfig.defaults().withBackfill(backfill).withPreemption(PreemptionConfig.none());
    return new Simulator(new CorePlanner(config), ClusterSpec.parse("cpus=" + cpus).nodes(),
        QueueSpec.defaultTree(PolicyName.FCFS)).run(w.jobs());
  }
}

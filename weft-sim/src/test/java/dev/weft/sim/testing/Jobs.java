package dev.weft.sim.testing;

import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.sim.workload.SimJob;
import java.util.List;

/** Short ways to write test jobs: seconds in, milliseconds in the records. */
public final class Jobs {
  private Jobs() {}

  /** A one-CPU job with a perfect estimate. */
  public static SimJob job(String id, double submitSeconds, double runSeconds) {
    return job(id, submitSeconds, runSeconds, 1);
  }

  public static SimJob job(String id, double submitSeconds, double runSeconds, double cpus) {
    return SimJob.of(spec(id, submitSeconds, runSeconds, cpus).build(), ms(runSeconds));
  }

  /** A job with dependencies. */
  public static SimJob after(String id, double submitSeconds, double runSeconds, String... deps) {
    return SimJob.of(spec(id, submitSeconds, runSeconds, 1).dependsOn(List.of(deps)).build(), ms(runSeconds));
  }

  public static TaskSpec.Builder spec(String id, double submitSeconds, double runSeconds, double cpus) {
    return TaskSpec.builder(id).submitMillis(ms(submitSeconds)).estimateMillis(ms(runSeconds))
        .resources(Resources.cpus(cpus));
  }

  public static long ms(double seconds) {
    return Math.round(seconds * 1000);
  }
}

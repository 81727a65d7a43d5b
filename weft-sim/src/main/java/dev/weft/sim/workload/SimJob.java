package dev.weft.sim.workload;

import dev.weft.model.TaskSpec;
import java.util.Objects;

/**
 * One job of a workload: what the scheduler sees ({@code spec}, with its estimate) and what really
 * happens when it runs ({@code runtimeMillis}, the actual run time). Times are simulated milliseconds.
 */
public record SimJob(String id, long submitMillis, long runtimeMillis, TaskSpec spec) {
  public SimJob {
    Objects.requireNonNull(spec, "spec");
    if (!spec.id().equals(id) || spec.submitMillis() != submitMillis) {
      throw new IllegalArgumentException("job " + id + ": id and submit time must match its spec");
    }
    if (runtimeMillis < 0) {
      throw new IllegalArgumentException("job " + id + ": negative run time " + runtimeMillis);
    }
  }

  /** A job whose id and submit time are those of its spec. */
  public static SimJob of(TaskSpec spec, long runtimeMillis) {
    return new SimJob(spec.id(), spec.submitMillis(), runtimeMillis, spec);
  }
}

package dev.weft.scheduler.placement;

import dev.weft.model.LabelConstraint;
import dev.weft.model.TaskSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tasks to come are expected to look like: task shapes with their share of all tasks
 * (weights add up to 1). The fragmentation scorer measures a node's free GPUs against it.
 */
public record WorkloadProfile(List<Shape> shapes) {
  /** No expectation: the fragmentation scorer then measures against the task being placed. */
  public static final WorkloadProfile NONE = new WorkloadProfile(List.of());

  /**
   * One kind of task: CPU and memory, whole GPUs or a share of one GPU (milli), the label
   * constraints it puts on nodes, and its share of the tasks.
   */
  public record Shape(long cpuMillis, long memoryMiB, long gpus, long gpuMilli, List<LabelConstraint> constraints,
                      double weight) {
    public Shape {
      constraints = List.copyOf(constraints);
    }

    static Shape of(TaskSpec t, double weight) {
      return new Shape(t.resources().cpuMillis(), t.resources().memoryMiB(), t.resources().gpus(),
          t.resources().gpuMilli(), t.constraints(), weight);
    }

    boolean asksGpu() {
      return gpus > 0 || gpuMilli > 0;
    }
  }

  public WorkloadProfile {
    shapes = List.copyOf(shapes);
  }

  /**
   * The shapes of {@code tasks}, most common first, keeping the fewest that cover {@code coverage}
   * of the tasks (1 keeps all; the FGD paper keeps 95%), their weights renormalised to add up to 1.
   * Ties in frequency keep the order in which shapes first appear.
   */
  public static WorkloadProfile of(Collection<TaskSpec> tasks, double coverage) {
    Map<Shape, Integer> counts = new LinkedHashMap<>();
    for (TaskSpec t : tasks) {
      counts.merge(Shape.of(t, 0), 1, Integer::sum);
    }
    List<Map.Entry<Shape, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Comparator.comparing((Map.Entry<Shape, Integer> e) -> e.getValue()).reversed());
    List<Map.Entry<Shape, Integer>> kept = new ArrayList<>();
    long covered = 0;
    for (Map.Entry<Shape, Integer> e : sorted) {
      if (covered >= coverage * tasks.size()) {
        break;
      }
      kept.add(e);
      covered += e.getValue();
    }
    List<Shape> shapes = new ArrayList<>(kept.size());
    for (Map.Entry<Shape, Integer> e : kept) {
      Shape s = e.getKey();
      shapes.add(new Shape(s.cpuMillis(), s.memoryMiB(), s.gpus(), s.gpuMilli(), s.constraints(),
          (double) e.getValue() / covered));
    }
    return new WorkloadProfile(shapes);
  }

  /** The profile of one task alone. */
  static WorkloadProfile single(TaskSpec task) {
    return new WorkloadProfile(List.of(Shape.of(task, 1)));
  }
}

package dev.weft.sim.gpu;

import dev.weft.model.TaskSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** The orders in which the replay's pods arrive. */
public final class GpuArrivals {
  private GpuArrivals() {}

  /** The trace's own order: by submit (creation) time, ties in file order. */
  public static List<TaskSpec> trace(List<TaskSpec> pods) {
    List<TaskSpec> out = new ArrayList<>(pods);
    out.sort(Comparator.comparingLong(TaskSpec::submitMillis));
    return out;
  }

  /**
   * The FGD experiments' order (their {@code --shuffle-pod} and workload tuning): the pods sorted by
   * name and shuffled with {@code seed}; then, while the arrived GPU demand stays within
   * {@code inflation} times the cluster's GPU milli, pods drawn at random (with replacement) from
   * the workload are appended as copies named {@code <name>-tuned-<i>}. The first draw that would
   * pass the target ends the list. The same seed gives the same list.
   */
  public static List<TaskSpec> shuffled(List<TaskSpec> pods, long seed, double inflation, long clusterMilli) {
    List<TaskSpec> byName = new ArrayList<>(pods);
    byName.sort(Comparator.comparing(TaskSpec::id));
    SplittableRandom random = new SplittableRandom(seed);
    List<TaskSpec> out = new ArrayList<>(byName);
    for (int i = out.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      out.set(j, out.set(i, out.get(j)));
    }
    long demand = out.stream().mapToLong(GpuArrivals::gpuMilli).sum();
    double target = inflation * clusterMilli;
    for (int i = 0; demand < target && !byName.isEmpty(); i++) {
      TaskSpec drawn = byName.get(random.nextInt(byName.size()));
      if (demand + gpuMilli(drawn) > target) {
        break;
      }
      demand += gpuMilli(drawn);
      out.add(renamed(drawn, drawn.id() + "-tuned-" + i));
    }
    return out;
  }

  private static TaskSpec renamed(TaskSpec t, String id) {
    return new TaskSpec(id, null, t.resources(), t.profile(), t.priority(), t.queue(), t.user(), t.submitMillis(),
        t.estimateMillis(), t.deadlineMillis(), t.constraints(), t.tolerations(), t.affinity(), t.labels(), t.gang(),
        t.gangSize(), t.preemptible(), t.dependsOn());
  }

  /** The GPU milli a pod asks over all devices: 1000 per whole GPU, or its share. */
  public static long gpuMilli(TaskSpec t) {
    return t.resources().gpus() * dev.weft.model.Resources.MILLI_PER_GPU + t.resources().gpuMilli();
  }
}

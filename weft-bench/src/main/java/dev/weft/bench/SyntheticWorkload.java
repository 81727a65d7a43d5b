package dev.weft.bench;

import dev.weft.model.LabelConstraint;
import dev.weft.model.Profile;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.model.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The benchmark's pending tasks, drawn from a fixed seed: 0.25 to 8 cpus, 256 MiB to 32 GiB of
 * memory, profiles cpu/io/mixed; 1% ask for 1-2 gpus (and tolerate the gpu taint, and require an
 * accelerator label); 10% require {@code disk=ssd}. On {@link SyntheticCluster} the total asks for
 * about two thirds of the cluster's cpu and memory, so most tasks fit and the last ones find a
 * fragmented cluster.
 */
final class SyntheticWorkload {
  private static final double[] CPUS = {0.25, 0.5, 1, 2, 4, 8};
  private static final int[] CPU_PERCENT = {10, 15, 25, 25, 15, 10};
  private static final int[] GIB_PER_CPU = {1, 2, 4, 8};
  private static final long MIN_MEMORY_MIB = 256;
  private static final long MAX_MEMORY_MIB = 32 * 1024;

  private SyntheticWorkload() {}

  static List<TaskSpec> tasks(int count, long seed) {
    Random random = new Random(seed);
    List<TaskSpec> tasks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      tasks.add(task(String.format("task-%05d", i), random));
    }
    return tasks;
  }

  private static TaskSpec task(String id, Random random) {
    double cpus = CPUS[pick(CPU_PERCENT, random.nextInt(100))];
    long memory = Math.round(cpus * 1024 * GIB_PER_CPU[random.nextInt(GIB_PER_CPU.length)]);
    memory = Math.clamp(memory, MIN_MEMORY_MIB, MAX_MEMORY_MIB);
    int kind = random.nextInt(100);
    TaskSpec.Builder b = TaskSpec.builder(id)
        .profile(Profile.values()[random.nextInt(Profile.values().length)])
        .estimateMillis(60_000L + random.nextInt(2 * 3_600_000));
    if (kind == 0) {
      b.resources(new Resources(Math.round(cpus * 1000), memory, 0, 1 + random.nextInt(2), Map.of()))
          .tolerations(List.of(new Toleration(SyntheticCluster.GPU_KEY, null)))
          .constraints(List.of(LabelConstraint.equalTo(SyntheticCluster.ACCELERATOR, "a100")));
    } else {
      b.resources(Resources.of(Math.round(cpus * 1000), memory));
      if (kind <= 10) {
        b.constraints(List.of(LabelConstraint.equalTo(SyntheticCluster.DISK, "ssd")));
      }
    }
    return b.build();
  }

  private static int pick(int[] percents, int percentile) {
    int seen = 0;
    for (int i = 0; i < percents.length; i++) {
      seen += percents[i];
      if (percentile < seen) {
        return i;
      }
    }
    return percents.length - 1;
  }
}

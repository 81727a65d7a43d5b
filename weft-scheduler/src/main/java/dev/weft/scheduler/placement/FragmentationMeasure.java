package dev.weft.scheduler.placement;

import dev.weft.model.LabelConstraint;
import dev.weft.model.Resources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The expected GPU fragmentation of a node against a workload profile: over the GPU-asking shapes
 * of the profile, weighted by their share, the free GPU milli that tasks of that shape could not
 * use on the node, seen two ways and added up:
 * <ol>
 *   <li><b>the next task</b> (FGD's measure): when the node can host one task of the shape (labels,
 *       CPU, memory and enough devices with room), the free milli on devices too small for it;
 *       otherwise all the free milli;</li>
 *   <li><b>a stream of them</b>: the free milli left once the node is filled with as many tasks of
 *       the shape as its devices, its CPU and its memory allow; this sees the GPUs that CPU or
 *       memory will strand and the slivers several shares leave on one device, which the next-task
 *       view misses.</li>
 * </ol>
 * Shapes asking no GPU would count all free milli whatever the placement, which shifts every node
 * alike, so they are left out. Shapes are grouped by their GPU request so that each device vector
 * is scanned once per distinct request.
 */
final class FragmentationMeasure {
  private final double[] perCpu;
  private final double[] perMemory;
  private final double[] weight;
  private final int[] group;
  private final List<List<LabelConstraint>> constraints = new ArrayList<>();
  private final int[] perDevice;
  private final int[] devicesNeeded;
  private boolean[][] access = new boolean[0][];

  FragmentationMeasure(WorkloadProfile profile) {
    List<WorkloadProfile.Shape> gpuShapes = profile.shapes().stream().filter(WorkloadProfile.Shape::asksGpu).toList();
    int n = gpuShapes.size();
    perCpu = new double[n];
    perMemory = new double[n];
    weight = new double[n];
    group = new int[n];
    List<long[]> requests = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      WorkloadProfile.Shape shape = gpuShapes.get(s);
      perCpu[s] = reciprocal(shape.cpuMillis());
      perMemory[s] = reciprocal(shape.memoryMiB());
      weight[s] = shape.weight();
      constraints.add(shape.constraints());
      long[] request = shape.gpus() > 0 ? new long[] {Resources.MILLI_PER_GPU, shape.gpus()}
          : new long[] {shape.gpuMilli(), 1};
      group[s] = indexOf(requests, request);
    }
    perDevice = requests.stream().mapToInt(r -> (int) r[0]).toArray();
    devicesNeeded = requests.stream().mapToInt(r -> (int) r[1]).toArray();
  }

  /**
   * {@code 1 / x}, or 0 for "no limit" when x is 0. Floors of quotients are taken by multiplying
   * with it: for amounts below 2^40 the two roundings can never carry a quotient across a whole
   * number, and a multiplication costs a fraction of a long division on this hot path.
   */
  private static double reciprocal(long x) {
    return x == 0 ? 0 : 1.0 / x;
  }

  private static int indexOf(List<long[]> requests, long[] request) {
    for (int i = 0; i < requests.size(); i++) {
      if (Arrays.equals(requests.get(i), request)) {
        return i;
      }
    }
    requests.add(request);
    return requests.size() - 1;
  }

  /** The expected unusable GPU milli of {@code node} were it to have this CPU, memory and device state. */
  double of(NodeState node, long cpuFree, long memoryFree, int[] deviceFree) {
    long total = 0;
    for (int f : deviceFree) {
      total += Math.max(0, f);
    }
    if (total == 0) {
      return 0;
    }
    DeviceFit fit = new DeviceFit(perDevice.length);
    for (int g = 0; g < perDevice.length; g++) {
      fit.scan(g, perDevice[g], devicesNeeded[g], deviceFree);
    }
    boolean[] reachable = access(node);
    double sum = 0;
    for (int s = 0; s < weight.length; s++) {
      if (!reachable[s]) {
        sum += weight[s] * 2 * total;
        continue;
      }
      int g = group[s];
      long tasks = Math.min(fit.tasks[g], Math.min(times(cpuFree, perCpu[s]), times(memoryFree, perMemory[s])));
      long next = tasks > 0 ? fit.tooSmall[g] : total;
      long stream = total - tasks * perDevice[g] * (long) devicesNeeded[g];
      sum += weight[s] * (next + stream);
    }
    return sum;
  }

  /** How many times an amount of {@code 1 / perTask} fits in {@code free}; unlimited when perTask is 0. */
  private static long times(long free, double perTask) {
    return perTask == 0 ? Long.MAX_VALUE : (long) (Math.max(0, free) * perTask);
  }

  /** Per GPU request: how many tasks the devices alone could take, and the free milli on devices too small for one. */
  private static final class DeviceFit {
    final long[] tasks;
    final long[] tooSmall;

    DeviceFit(int groups) {
      tasks = new long[groups];
      tooSmall = new long[groups];
    }

    void scan(int g, int perDevice, int devicesNeeded, int[] deviceFree) {
      long slots = 0;
      for (int f : deviceFree) {
        if (f >= perDevice) {
          slots += f / perDevice;
        } else if (f > 0) {
          tooSmall[g] += f;
        }
      }
      tasks[g] = slots / devicesNeeded;
    }
  }

  /** Which shapes' label constraints the node meets (labels never change, so computed once per node). */
  private boolean[] access(NodeState node) {
    int i = node.index;
    if (i >= access.length) {
      access = Arrays.copyOf(access, Math.max(i + 1, access.length * 2));
    }
    if (access[i] == null) {
      boolean[] ok = new boolean[weight.length];
      for (int s = 0; s < ok.length; s++) {
        ok[s] = constraints.get(s).stream().allMatch(c -> c.matches(node.node.labels()));
      }
      access[i] = ok;
    }
    return access[i];
  }
}

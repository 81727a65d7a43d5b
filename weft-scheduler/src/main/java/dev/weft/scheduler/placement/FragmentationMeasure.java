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
 * alike, so they are left out. Shapes asking the same GPUs form a group: the devices are scanned
 * once per group, and a group whose shapes CPU and memory do not limit counts as one shape. The
 * groups keep scratch results of the current call: one measure serves one thread.
 */
final class FragmentationMeasure {
  private final List<WorkloadProfile.Shape> shapes;
  private final double[] perCpu;
  private final double[] perMemory;
  private final List<Group> groups = new ArrayList<>();
  private boolean[][] access = new boolean[0][];

  /** Shapes asking {@code devices} devices with {@code perDevice} milli free on each. */
  private static final class Group {
    final int perDevice;
    final int devices;
    final List<Integer> members = new ArrayList<>();
    int[] shapes;
    double weight;
    long mostCpu;
    long mostMemory;
    boolean sameConstraints = true;
    long tasks;
    long tooSmall;

    Group(int perDevice, int devices) {
      this.perDevice = perDevice;
      this.devices = devices;
    }

    /** How many tasks the devices alone could take, and the free milli on devices too small for one. */
    void scan(int[] deviceFree) {
      long slots = 0;
      tooSmall = 0;
      for (int f : deviceFree) {
        if (f >= perDevice) {
          slots += f / perDevice;
        } else if (f > 0) {
          tooSmall += f;
        }
      }
      tasks = slots / devices;
    }

    /** Next-task plus stream view when {@code n} tasks of the group fit. */
    long unusable(long n, long total) {
      return (n > 0 ? tooSmall : total) + total - n * perDevice * (long) devices;
    }
  }

  FragmentationMeasure(WorkloadProfile profile) {
    shapes = profile.shapes().stream().filter(WorkloadProfile.Shape::asksGpu).toList();
    perCpu = new double[shapes.size()];
    perMemory = new double[shapes.size()];
    for (int s = 0; s < shapes.size(); s++) {
      WorkloadProfile.Shape shape = shapes.get(s);
      perCpu[s] = reciprocal(shape.cpuMillis());
      perMemory[s] = reciprocal(shape.memoryMiB());
      Group g = groupOf(shape);
      g.members.add(s);
      g.weight += shape.weight();
      g.mostCpu = Math.max(g.mostCpu, shape.cpuMillis());
      g.mostMemory = Math.max(g.mostMemory, shape.memoryMiB());
      g.sameConstraints &= shape.constraints().equals(shapes.get(g.members.get(0)).constraints());
    }
    groups.forEach(g -> g.shapes = g.members.stream().mapToInt(Integer::intValue).toArray());
  }

  private Group groupOf(WorkloadProfile.Shape shape) {
    int perDevice = (int) (shape.gpus() > 0 ? Resources.MILLI_PER_GPU : shape.gpuMilli());
    int devices = (int) Math.max(1, shape.gpus());
    for (Group g : groups) {
      if (g.perDevice == perDevice && g.devices == devices) {
        return g;
      }
    }
    Group g = new Group(perDevice, devices);
    groups.add(g);
    return g;
  }

  /**
   * {@code 1 / x}, or 0 for "no limit" when x is 0. Floors of quotients are taken by multiplying
   * with it: for amounts below 2^40 the two roundings can never carry a quotient across a whole
   * number, and a multiplication costs a fraction of a long division on this hot path.
   */
  private static double reciprocal(long x) {
    return x == 0 ? 0 : 1.0 / x;
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
    boolean[] reachable = access(node);
    double sum = 0;
    for (Group g : groups) {
      g.scan(deviceFree);
      if (g.sameConstraints && reachable[g.shapes[0]] && cpuFree >= g.tasks * g.mostCpu
          && memoryFree >= g.tasks * g.mostMemory) {
        sum += g.weight * g.unusable(g.tasks, total);
        continue;
      }
      for (int s : g.shapes) {
        long n = Math.min(g.tasks, Math.min(times(cpuFree, perCpu[s]), times(memoryFree, perMemory[s])));
        sum += shapes.get(s).weight() * (reachable[s] ? g.unusable(n, total) : 2 * total);
      }
    }
    return sum;
  }

  /** How many times an amount of {@code 1 / perTask} fits in {@code free}; unlimited when perTask is 0. */
  private static long times(long free, double perTask) {
    return perTask == 0 ? Long.MAX_VALUE : (long) (Math.max(0, free) * perTask);
  }

  /** Which shapes' label constraints the node meets (labels never change, so computed once per node). */
  private boolean[] access(NodeState node) {
    int i = node.index;
    if (i >= access.length) {
      access = Arrays.copyOf(access, Math.max(i + 1, access.length * 2));
    }
    if (access[i] == null) {
      boolean[] ok = new boolean[shapes.size()];
      for (int s = 0; s < ok.length; s++) {
        ok[s] = allMatch(shapes.get(s).constraints(), node);
      }
      access[i] = ok;
    }
    return access[i];
  }

  private static boolean allMatch(List<LabelConstraint> constraints, NodeState node) {
    for (LabelConstraint c : constraints) {
      if (!c.matches(node.node.labels())) {
        return false;
      }
    }
    return true;
  }
}

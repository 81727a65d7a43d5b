package dev.weft.scheduler.placement;

import dev.weft.model.Node;
import dev.weft.model.Profile;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.scheduler.resources.ResourceSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * One node during a planning round: what is free and which tasks hold it (running or just placed).
 *
 * <p>A node with gpus keeps its devices in {@link GpuDevices}, and its {@link #free()} vector carries
 * <b>derived</b> values in the two GPU dimensions: {@code gpu} = the number of fully free devices,
 * {@code gpu-milli} = the most free milli on any one device (capacity: the device count and 1000).
 * A task asking {@code n} whole GPUs needs {@code n} fully free devices, and a share of {@code m}
 * needs one device with {@code m} free, so "need <= free" in every dimension is exactly "the
 * devices can grant it": {@link FitsResources}, the subtree maxima of {@link TopologyTree} and the
 * pruning of {@link Placer} stay right without knowing about devices.
 */
public final class NodeState {
  final int index;
  final Node node;
  final long[] capacity;
  final long[] free;
  private final int gpuMilliDim;
  private final GpuDevices gpus;
  private final List<TaskSpec> tasks = new ArrayList<>();
  private int cpuBound;
  private int ioBound;
  private long changes;

  NodeState(int index, Node node, ResourceSpace space) {
    this.index = index;
    this.node = node;
    this.capacity = space.vector(node.capacity());
    this.gpuMilliDim = space.gpuMilliDim();
    long devices = node.capacity().gpus();
    this.gpus = devices > 0 ? new GpuDevices((int) devices) : null;
    if (gpuMilliDim >= 0) {
      capacity[gpuMilliDim] = gpus == null ? 0 : Resources.MILLI_PER_GPU;
    }
    this.free = capacity.clone();
  }

  public int index() {
    return index;
  }

  public Node node() {
    return node;
  }

  public String id() {
    return node.id();
  }

  public long[] free() {
    return free;
  }

  public long[] capacity() {
    return capacity;
  }

  public List<TaskSpec> tasks() {
    return tasks;
  }

  public int cpuBoundTasks() {
    return cpuBound;
  }

  public int ioBoundTasks() {
    return ioBound;
  }

  /** The node's GPU devices, or null when it has none. */
  public GpuDevices gpuDevices() {
    return gpus;
  }

  /** Free GPU milli over all devices (0 without devices). */
  public long freeGpuMilli() {
    return gpus == null ? 0 : gpus.totalFree();
  }

  /** Goes up on every hold and release, so derived values can be cached per node. */
  public long changes() {
    return changes;
  }

  /** The share of one device {@code need} asks (0 when the round has no share dimension). */
  long shareOf(long[] need) {
    return gpuMilliDim < 0 ? 0 : need[gpuMilliDim];
  }

  void hold(TaskSpec task, long[] need) {
    add(need, -1);
    if (gpus != null) {
      gpus.hold(task.id(), need[ResourceSpace.GPU], shareOf(need));
      deriveGpu(gpus, free);
    }
    tasks.add(task);
    countProfile(task.profile(), 1);
    changes++;
  }

  void release(TaskSpec task, long[] need) {
    add(need, 1);
    if (gpus != null) {
      gpus.release(task.id());
      deriveGpu(gpus, free);
    }
    tasks.remove(task);
    countProfile(task.profile(), -1);
    changes++;
  }

  /**
   * The free vector this node would have were {@code released} (tasks it holds, with their needs,
   * in the same order) given back: what preemption asks before choosing victims.
   */
  public long[] freeIfReleased(List<TaskSpec> released, List<long[]> needs) {
    long[] out = free.clone();
    GpuDevices devices = gpus == null ? null : gpus.copy();
    for (int i = 0; i < released.size(); i++) {
      long[] need = needs.get(i);
      for (int d = 0; d < need.length; d++) {
        if (devices == null || !isGpuDim(d)) {
          out[d] += need[d];
        }
      }
      if (devices != null) {
        devices.release(released.get(i).id());
      }
    }
    if (devices != null) {
      deriveGpu(devices, out);
    }
    return out;
  }

  /** Adds {@code sign * need} to the free vector; the GPU dimensions only when the node has no devices. */
  private void add(long[] need, int sign) {
    for (int d = 0; d < need.length; d++) {
      if (gpus == null || !isGpuDim(d)) {
        free[d] += sign * need[d];
      }
    }
  }

  private boolean isGpuDim(int d) {
    return d == ResourceSpace.GPU || d == gpuMilliDim;
  }

  private void deriveGpu(GpuDevices devices, long[] into) {
    into[ResourceSpace.GPU] = devices.fullyFree();
    if (gpuMilliDim >= 0) {
      into[gpuMilliDim] = devices.largestFree();
    }
  }

  private void countProfile(Profile p, int delta) {
    if (p == Profile.CPU) {
      cpuBound += delta;
    } else if (p == Profile.IO) {
      ioBound += delta;
    }
  }
}

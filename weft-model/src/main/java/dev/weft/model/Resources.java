package dev.weft.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * A resource vector: cpu in millicores, memory and disk in MiB, whole gpus, and named extended
 * resources (counted in their own unit). Values are never negative in a valid spec.
 *
 * <p><b>GPU devices.</b> A node with {@code gpus = k} has k devices of {@link #MILLI_PER_GPU} milli
 * each. A task asks either whole devices ({@code gpus = n}) or a share of exactly one device: the
 * extended resource {@link #GPU_MILLI} ({@code gpuMilli} in spec files), from 1 to 1000. A node
 * never names {@code gpu-milli} itself: its shares come from its gpus, see {@link #asCapacity()}.
 */
public record Resources(long cpuMillis, long memoryMiB, long diskMiB, long gpus, Map<String, Long> extended) {
  public static final Resources ZERO = new Resources(0, 0, 0, 0, Map.of());
  /** The extended resource a task uses to ask a share of one GPU device, in thousandths of a device. */
  public static final String GPU_MILLI = "gpu-milli";
  /** The size of one GPU device in {@link #GPU_MILLI}. */
  public static final long MILLI_PER_GPU = 1000;

  public Resources {
    extended = extended == null ? Map.of() : Map.copyOf(new TreeMap<>(extended));
  }

  public static Resources of(long cpuMillis, long memoryMiB) {
    return new Resources(cpuMillis, memoryMiB, 0, 0, Map.of());
  }

  public static Resources cpus(double cpus) {
    return of(Math.round(cpus * 1000), 0);
  }

  /** The share of one GPU device this vector asks ({@link #GPU_MILLI}), 0 when none. */
  public long gpuMilli() {
    return extended.getOrDefault(GPU_MILLI, 0L);
  }

  /**
   * Why this vector cannot be what a task asks of GPUs, or null when it can: a share is 1 to 1000
   * milli of one device, and a task asks either whole gpus or a share, not both.
   */
  public String gpuRequestProblem() {
    long milli = gpuMilli();
    if (milli == 0) {
      return null;
    }
    if (milli < 0 || milli > MILLI_PER_GPU) {
      return "gpuMilli is a share of one GPU, from 1 to " + MILLI_PER_GPU + ", got " + milli;
    }
    return gpus != 0 ? "ask either whole gpus or gpuMilli (a share of one GPU), not both" : null;
  }

  /**
   * This vector read as what a node or a pool offers: each whole gpu also offers
   * {@link #MILLI_PER_GPU} of {@link #GPU_MILLI}, so that sums of task demands (whole gpus and
   * shares) can be compared with it by {@link #fitsIn}. Other components are unchanged.
   */
  public Resources asCapacity() {
    if (gpus == 0) {
      return this;
    }
    Map<String, Long> ext = new TreeMap<>(extended);
    ext.merge(GPU_MILLI, gpus * MILLI_PER_GPU, Long::sum);
    return new Resources(cpuMillis, memoryMiB, diskMiB, gpus, ext);
  }

  public Resources plus(Resources o) {
    return new Resources(cpuMillis + o.cpuMillis, memoryMiB + o.memoryMiB, diskMiB + o.diskMiB, gpus + o.gpus,
        merge(extended, o.extended, 1));
  }

  public Resources minus(Resources o) {
    return new Resources(cpuMillis - o.cpuMillis, memoryMiB - o.memoryMiB, diskMiB - o.diskMiB, gpus - o.gpus,
        merge(extended, o.extended, -1));
  }

  public Resources times(double f) {
    Map<String, Long> ext = new TreeMap<>();
    extended.forEach((k, v) -> ext.put(k, Math.round(v * f)));
    return new Resources(Math.round(cpuMillis * f), Math.round(memoryMiB * f), Math.round(diskMiB * f),
        Math.round(gpus * f), ext);
  }

  /** True when every component of this vector is at most the same component of {@code o}. */
  public boolean fitsIn(Resources o) {
    if (cpuMillis > o.cpuMillis || memoryMiB > o.memoryMiB || diskMiB > o.diskMiB || gpus > o.gpus) {
      return false;
    }
    for (var e : extended.entrySet()) {
      if (e.getValue() > o.extended.getOrDefault(e.getKey(), 0L)) {
        return false;
      }
    }
    return true;
  }

  public boolean isZero() {
    return cpuMillis == 0 && memoryMiB == 0 && diskMiB == 0 && gpus == 0
        && extended.values().stream().allMatch(v -> v == 0);
  }

  private static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b, int sign) {
    if (b.isEmpty()) {
      return a;
    }
    Map<String, Long> out = new TreeMap<>(a);
    b.forEach((k, v) -> out.merge(k, sign * v, Long::sum));
    return out;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("cpu=").append(cpuMillis / 1000.0).append(" mem=").append(memoryMiB).append("Mi");
    if (diskMiB != 0) s.append(" disk=").append(diskMiB).append("Mi");
    if (gpus != 0) s.append(" gpu=").append(gpus);
    extended.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
    return s.toString();
  }
}

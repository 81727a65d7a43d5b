package dev.weft.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * A resource vector: cpu in millicores, memory and disk in MiB, whole gpus, and named extended
 * resources (counted in their own unit). Values are never negative in a valid spec.
 */
public record Resources(long cpuMillis, long memoryMiB, long diskMiB, long gpus, Map<String, Long> extended) {
  public static final Resources ZERO = new Resources(0, 0, 0, 0, Map.of());

  public Resources {
    extended = extended == null ? Map.of() : Map.copyOf(new TreeMap<>(extended));
  }

  public static Resources of(long cpuMillis, long memoryMiB) {
    return new Resources(cpuMillis, memoryMiB, 0, 0, Map.of());
  }

  public static Resources cpus(double cpus) {
    return of(Math.round(cpus * 1000), 0);
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

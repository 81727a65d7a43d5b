package dev.weft.agent.host;

import java.util.OptionalLong;

/** Parsers of the few /proc and cgroup texts the host probe reads; pure, so tests feed them samples. */
final class ProcTexts {
  private ProcTexts() {}

  /** The number of {@code processor} lines of /proc/cpuinfo. */
  static int processors(String cpuinfo) {
    return (int) cpuinfo.lines().filter(l -> l.startsWith("processor")).count();
  }

  /** {@code MemTotal} of /proc/meminfo in MiB, or empty when absent. */
  static OptionalLong memTotalMiB(String meminfo) {
    return meminfo.lines().filter(l -> l.startsWith("MemTotal:")).findFirst()
        .map(l -> OptionalLong.of(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024))
        .orElse(OptionalLong.empty());
  }

  /** A cgroup v2 {@code cpu.max} ("quota period" or "max period") in millicores; empty when unlimited. */
  static OptionalLong cpuMaxMillis(String cpuMax) {
    String[] p = cpuMax.trim().split("\\s+");
    if (p.length != 2 || p[0].equals("max")) {
      return OptionalLong.empty();
    }
    return quotaMillis(Long.parseLong(p[0]), Long.parseLong(p[1]));
  }

  /** A cgroup v1 cfs quota and period (microseconds) in millicores; empty when the quota is -1. */
  static OptionalLong quotaMillis(long quotaUs, long periodUs) {
    if (quotaUs <= 0 || periodUs <= 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(quotaUs * 1000 / periodUs);
  }

  /**
   * A memory limit file ({@code memory.max} or v1 {@code memory.limit_in_bytes}) in MiB; empty when
   * unlimited ("max", or the v1 "no limit" value near 2^63).
   */
  static OptionalLong memoryLimitMiB(String text) {
    String t = text.trim();
    if (t.equals("max")) {
      return OptionalLong.empty();
    }
    long bytes = Long.parseLong(t);
    return bytes >= Long.MAX_VALUE / 2 ? OptionalLong.empty() : OptionalLong.of(bytes / (1024 * 1024));
  }
}

package dev.weft.agent.host;

import dev.weft.agent.cgroup.CgroupMounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * Measures what this machine offers: cpu from {@code /proc/cpuinfo}, memory from
 * {@code /proc/meminfo}, each capped by the limits of the agent's own cgroup (v2 {@code cpu.max},
 * {@code memory.max}, or v1 cfs quota and {@code memory.limit_in_bytes}), and disk as the usable
 * space of the agent's data directory. Overrides are applied by {@link HostFacts#overriddenBy}.
 */
public final class HostProbe {
  private final Path proc;
  private final CgroupMounts mounts;
  private final Path dataDir;

  public HostProbe(Path proc, CgroupMounts mounts, Path dataDir) {
    this.proc = proc;
    this.mounts = mounts;
    this.dataDir = dataDir;
  }

  /** This machine, seen by this process. */
  public static HostProbe ofThisMachine(Path dataDir) {
    return new HostProbe(Path.of("/proc"), CgroupMounts.ofThisProcess(), dataDir);
  }

  public HostFacts measure() {
    long cpu = ProcTexts.processors(read(proc.resolve("cpuinfo"))) * 1000L;
    OptionalLong cpuCap = cpuLimit();
    long memory = ProcTexts.memTotalMiB(read(proc.resolve("meminfo")))
        .orElseThrow(() -> new IllegalStateException("no MemTotal in " + proc.resolve("meminfo")));
    OptionalLong memCap = memoryLimit();
    long disk = dataDir.toFile().getUsableSpace() / (1024 * 1024);
    return new HostFacts(min(cpu, cpuCap), min(memory, memCap), disk);
  }

  private OptionalLong cpuLimit() {
    Optional<Path> v2 = mounts.unified().map(d -> d.resolve("cpu.max")).filter(Files::isRegularFile);
    if (v2.isPresent()) {
      return ProcTexts.cpuMaxMillis(read(v2.get()));
    }
    Path v1 = mounts.v1().get("cpu");
    if (v1 != null && Files.isRegularFile(v1.resolve("cpu.cfs_quota_us"))) {
      return ProcTexts.quotaMillis(Long.parseLong(read(v1.resolve("cpu.cfs_quota_us")).trim()),
          Long.parseLong(read(v1.resolve("cpu.cfs_period_us")).trim()));
    }
    return OptionalLong.empty();
  }

  private OptionalLong memoryLimit() {
    Optional<Path> v2 = mounts.unified().map(d -> d.resolve("memory.max")).filter(Files::isRegularFile);
    if (v2.isPresent()) {
      return ProcTexts.memoryLimitMiB(read(v2.get()));
    }
    Path v1 = mounts.v1().get("memory");
    if (v1 != null && Files.isRegularFile(v1.resolve("memory.limit_in_bytes"))) {
      return ProcTexts.memoryLimitMiB(read(v1.resolve("memory.limit_in_bytes")));
    }
    return OptionalLong.empty();
  }

  private static long min(long measured, OptionalLong cap) {
    return LongStream.concat(LongStream.of(measured), cap.stream()).min().getAsLong();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}

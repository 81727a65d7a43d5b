package dev.weft.agent.cgroup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A task's group in the unified cgroup v2 tree: {@code cpu.max}, {@code memory.max},
 * {@code memory.swap.max = 0}; OOM kills counted in {@code memory.events}; the freezer is
 * {@code cgroup.freeze}. The parent must have {@code +cpu +memory} in its {@code cgroup.subtree_control}.
 */
public final class CgroupV2Group implements TaskCgroup {
  /** The cfs period Weft writes into {@code cpu.max}, in microseconds (the kernel default). */
  static final long PERIOD_US = 100_000;
  private final Path dir;

  private CgroupV2Group(Path dir) {
    this.dir = dir;
  }

  /** Creates the group {@code parent/taskId} with the limits (0 = unlimited) written. */
  public static CgroupV2Group create(Path parent, String taskId, long cpuMillis, long memoryMiB) {
    Path dir = parent.resolve(CgroupFiles.dirName(taskId));
    CgroupFiles.mkdir(dir);
    if (cpuMillis > 0) {
      CgroupFiles.write(dir.resolve("cpu.max"), cpuMaxLine(cpuMillis));
    }
    if (memoryMiB > 0) {
      CgroupFiles.write(dir.resolve("memory.max"), String.valueOf(memoryMiB * 1024 * 1024));
      if (Files.exists(dir.resolve("memory.swap.max"))) {
        CgroupFiles.write(dir.resolve("memory.swap.max"), "0");
      }
    }
    return new CgroupV2Group(dir);
  }

  /** Re-opens a group recorded earlier (orphan handling); it may be gone. */
  public static CgroupV2Group existing(Path dir) {
    return new CgroupV2Group(dir);
  }

  /** The {@code cpu.max} line for a cpu request: quota = millis/1000 of each period. */
  static String cpuMaxLine(long cpuMillis) {
    return (cpuMillis * PERIOD_US / 1000) + " " + PERIOD_US;
  }

  @Override
  public List<Path> procsFiles() {
    return List.of(dir.resolve("cgroup.procs"));
  }

  @Override
  public long oomKills() {
    return CgroupFiles.keyed(dir.resolve("memory.events"), "oom_kill").orElse(0);
  }

  @Override
  public boolean freeze() {
    CgroupFiles.write(dir.resolve("cgroup.freeze"), "1");
    return true;
  }

  @Override
  public boolean thaw() {
    CgroupFiles.write(dir.resolve("cgroup.freeze"), "0");
    return true;
  }

  @Override
  public boolean frozen() {
    return CgroupFiles.keyed(dir.resolve("cgroup.events"), "frozen").orElse(0) == 1;
  }

  @Override
  public Set<Long> pids() {
    return CgroupFiles.pids(dir.resolve("cgroup.procs"));
  }

  @Override
  public void remove() {
    CgroupFiles.rmdir(dir);
  }

  @Override
  public List<Path> dirs() {
    return List.of(dir);
  }
}

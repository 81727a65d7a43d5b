package dev.weft.agent.cgroup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A task's group on a cgroup v1 host: one directory per controller tree. {@code memory}:
 * {@code memory.limit_in_bytes} and {@code memory.memsw.limit_in_bytes} (the same value, so no
 * swap), OOM kills counted in {@code memory.oom_control}; {@code cpu}: {@code cpu.cfs_quota_us}
 * over {@code cpu.cfs_period_us}; {@code freezer}: {@code freezer.state}.
 */
public final class CgroupV1Group implements TaskCgroup {
  private final Map<String, Path> dirs;

  private CgroupV1Group(Map<String, Path> dirs) {
    this.dirs = Map.copyOf(dirs);
  }

  /**
   * Creates the group {@code <parent of each controller>/taskId} with the limits (0 = unlimited).
   *
   * @param parents controller name to the parent directory in its tree; must hold {@code memory}
   */
  public static CgroupV1Group create(Map<String, Path> parents, String taskId, long cpuMillis, long memoryMiB) {
    Map<String, Path> dirs = new TreeMap<>();
    parents.forEach((controller, parent) -> dirs.put(controller, parent.resolve(CgroupFiles.dirName(taskId))));
    dirs.values().forEach(CgroupFiles::mkdir);
    Path memory = dirs.get("memory");
    if (memoryMiB > 0 && memory != null) {
      String bytes = String.valueOf(memoryMiB * 1024 * 1024);
      CgroupFiles.write(memory.resolve("memory.limit_in_bytes"), bytes);
      if (Files.exists(memory.resolve("memory.memsw.limit_in_bytes"))) {
        CgroupFiles.write(memory.resolve("memory.memsw.limit_in_bytes"), bytes);
      }
    }
    Path cpu = dirs.get("cpu");
    if (cpuMillis > 0 && cpu != null) {
      CgroupFiles.write(cpu.resolve("cpu.cfs_period_us"), String.valueOf(CgroupV2Group.PERIOD_US));
      CgroupFiles.write(cpu.resolve("cpu.cfs_quota_us"), String.valueOf(cpuMillis * CgroupV2Group.PERIOD_US / 1000));
    }
    return new CgroupV1Group(dirs);
  }

  /** Re-opens a group recorded earlier (orphan handling); the directories may be gone. */
  public static CgroupV1Group existing(Map<String, Path> dirs) {
    return new CgroupV1Group(dirs);
  }

  @Override
  public List<Path> procsFiles() {
    return dirs.values().stream().map(d -> d.resolve("cgroup.procs")).toList();
  }

  @Override
  public long oomKills() {
    Path memory = dirs.get("memory");
    return memory == null ? 0 : CgroupFiles.keyed(memory.resolve("memory.oom_control"), "oom_kill").orElse(0);
  }

  @Override
  public boolean freeze() {
    return writeFreezer("FROZEN");
  }

  @Override
  public boolean thaw() {
    return writeFreezer("THAWED");
  }

  private boolean writeFreezer(String state) {
    Path freezer = dirs.get("freezer");
    if (freezer == null) {
      return false;
    }
    CgroupFiles.write(freezer.resolve("freezer.state"), state);
    return true;
  }

  @Override
  public boolean frozen() {
    Path freezer = dirs.get("freezer");
    return freezer != null && CgroupFiles.read(freezer.resolve("freezer.state")).trim().equals("FROZEN");
  }

  @Override
  public Set<Long> pids() {
    Set<Long> out = new HashSet<>();
    procsFiles().forEach(f -> out.addAll(CgroupFiles.pids(f)));
    return out;
  }

  @Override
  public void remove() {
    dirs.values().forEach(CgroupFiles::rmdir);
  }

  @Override
  public List<Path> dirs() {
    return new ArrayList<>(dirs.values());
  }

  /** Controller name to directory, for the task record. */
  public Map<String, Path> dirsByController() {
    return dirs;
  }
}

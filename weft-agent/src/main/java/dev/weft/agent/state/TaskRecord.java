package dev.weft.agent.state;

import dev.weft.agent.cgroup.CgroupV1Group;
import dev.weft.agent.cgroup.CgroupV2Group;
import dev.weft.agent.cgroup.TaskCgroup;
import dev.weft.agent.enforce.Confinement;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the agent wrote down when it started a task.
 *
 * @param taskId the task
 * @param pid the wrapper's pid, which is also the task's process group id
 * @param startTicks the wrapper's start time (field 22 of /proc/PID/stat): tells a reused pid apart
 * @param cgroupKind "v2", "v1" or "" when the task has no cgroup
 * @param cgroupDirs controller name ("" for v2) to the task's cgroup directory
 * @param memoryByRlimit whether memory was fenced by an rlimit
 */
public record TaskRecord(String taskId, long pid, long startTicks, String cgroupKind, Map<String, String> cgroupDirs,
    boolean memoryByRlimit) {
  public TaskRecord {
    cgroupDirs = cgroupDirs == null ? Map.of() : Map.copyOf(cgroupDirs);
    cgroupKind = cgroupKind == null ? "" : cgroupKind;
  }

  /** The record of a task just started under {@code fence}. */
  public static TaskRecord of(String taskId, long pid, long startTicks, Confinement fence) {
    Map<String, String> dirs = new TreeMap<>();
    String kind = "";
    if (fence.cgroup().isPresent()) {
      TaskCgroup g = fence.cgroup().get();
      switch (g) {
        case CgroupV2Group v2 -> {
          kind = "v2";
          dirs.put("", v2.dirs().get(0).toString());
        }
        case CgroupV1Group v1 -> {
          kind = "v1";
          v1.dirsByController().forEach((c, d) -> dirs.put(c, d.toString()));
        }
      }
    }
    return new TaskRecord(taskId, pid, startTicks, kind, dirs, fence.memoryByRlimit());
  }

  /** The task's cgroup, re-opened from the recorded directories (which may be gone). */
  public Optional<TaskCgroup> cgroup() {
    return switch (cgroupKind) {
      case "v2" -> Optional.of(CgroupV2Group.existing(Path.of(cgroupDirs.get(""))));
      case "v1" -> {
        Map<String, Path> dirs = new TreeMap<>();
        cgroupDirs.forEach((c, d) -> dirs.put(c, Path.of(d)));
        yield Optional.of(CgroupV1Group.existing(dirs));
      }
      default -> Optional.empty();
    };
  }
}

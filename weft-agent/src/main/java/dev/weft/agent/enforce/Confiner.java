package dev.weft.agent.enforce;

import dev.weft.agent.cgroup.CgroupV1Group;
import dev.weft.agent.cgroup.CgroupV2Group;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Puts up the fence of one task with the mechanism detected on this host. */
public sealed interface Confiner {
  /** What this confiner enforces. */
  Enforcement enforcement();

  /**
   * Creates the fence for a task. 0 for cpu or memory means no limit on it.
   *
   * @throws dev.weft.agent.cgroup.CgroupException when a cgroup cannot be created or written
   */
  Confinement confine(String taskId, long cpuMillis, long memoryMiB);

  /** Tasks in groups under {@code parent} of the unified tree. */
  record CgroupV2(Path parent, Enforcement enforcement) implements Confiner {
    @Override
    public Confinement confine(String taskId, long cpuMillis, long memoryMiB) {
      return new Confinement(Optional.of(CgroupV2Group.create(parent, taskId, cpuMillis, memoryMiB)), List.of(), false);
    }
  }

  /** Tasks in groups under one parent per v1 controller tree (memory always, cpu and freezer when writable). */
  record CgroupV1(Map<String, Path> parents, Enforcement enforcement) implements Confiner {
    public CgroupV1 {
      parents = Map.copyOf(parents);
    }

    @Override
    public Confinement confine(String taskId, long cpuMillis, long memoryMiB) {
      return new Confinement(Optional.of(CgroupV1Group.create(parents, taskId, cpuMillis, memoryMiB)), List.of(), false);
    }
  }

  /** Memory fenced by RLIMIT_AS ({@code ulimit -v}, in KiB) in the wrapper shell. */
  record Rlimit(Enforcement enforcement) implements Confiner {
    @Override
    public Confinement confine(String taskId, long cpuMillis, long memoryMiB) {
      if (memoryMiB <= 0) {
        return Confinement.NONE;
      }
      return new Confinement(Optional.empty(), List.of("ulimit -v " + memoryMiB * 1024), true);
    }
  }

  /** Nothing enforced. */
  record Unfenced(Enforcement enforcement) implements Confiner {
    @Override
    public Confinement confine(String taskId, long cpuMillis, long memoryMiB) {
      return Confinement.NONE;
    }
  }
}

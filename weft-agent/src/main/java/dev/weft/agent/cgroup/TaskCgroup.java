package dev.weft.agent.cgroup;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The control group of one task. Its limits are written when it is created; the task's wrapper
 * shell joins it by writing its own pid into every file of {@link #procsFiles()} before it starts
 * the task, so no child of the task ever runs outside it.
 */
public sealed interface TaskCgroup permits CgroupV1Group, CgroupV2Group {
  /** The {@code cgroup.procs} files a process writes its pid into to join this group (one per tree). */
  List<Path> procsFiles();

  /** How many processes the kernel's OOM killer has killed in this group so far. */
  long oomKills();

  /** Stops every process of the group (the freezer), or returns false when this group has no freezer. */
  boolean freeze();

  /** Lets a frozen group run again; false when this group has no freezer. */
  boolean thaw();

  /** True when the kernel reports the whole group frozen. */
  boolean frozen();

  /** The pids now in the group. */
  Set<Long> pids();

  /** Removes the group's directories; the group must be empty. Idempotent. */
  void remove();

  /** The directories of this group, for records and messages. */
  List<Path> dirs();
}

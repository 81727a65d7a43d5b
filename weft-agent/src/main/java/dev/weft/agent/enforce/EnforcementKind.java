package dev.weft.agent.enforce;

/** The mechanisms that can fence a task, best first. */
public enum EnforcementKind {
  /** A delegated subtree of the unified cgroup v2 tree: cpu.max, memory.max, cgroup.freeze. */
  CGROUP_V2("cgroup-v2"),
  /** Writable cgroup v1 trees (hybrid or legacy hosts): memory limit, cfs quota, freezer. */
  CGROUP_V1("cgroup-v1"),
  /** Process rlimits set by the wrapper shell: RLIMIT_AS for memory; cpu is not enforced. */
  RLIMIT("rlimit"),
  /** Nothing is enforced; requests are only bookkeeping for the scheduler. */
  NONE("none");

  private final String label;

  EnforcementKind(String label) {
    this.label = label;
  }

  /** The name used in reports, the CLI and the agent's join message. */
  public String label() {
    return label;
  }

  /** Parses a label ("cgroup-v2", "rlimit", ...) or the enum name; null when unknown. */
  public static EnforcementKind fromLabel(String s) {
    for (EnforcementKind k : values()) {
      if (k.label.equalsIgnoreCase(s) || k.name().equalsIgnoreCase(s)) {
        return k;
      }
    }
    return null;
  }
}

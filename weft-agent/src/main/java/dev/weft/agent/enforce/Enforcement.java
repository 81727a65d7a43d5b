package dev.weft.agent.enforce;

import java.util.List;

/**
 * Which enforcement is active on this agent and what it covers: sent when the agent joins, printed
 * by tests and by {@code weft agent probe}.
 *
 * @param kind the mechanism in use
 * @param memory whether a task's memory request is a hard limit
 * @param cpu whether a task's cpu request caps its cpu time
 * @param freezer whether suspend uses a cgroup freezer (otherwise SIGSTOP to the process group)
 * @param where the cgroup directories tasks are created under, or empty
 * @param notUsed why each better mechanism is not in use, one line each
 */
public record Enforcement(EnforcementKind kind, boolean memory, boolean cpu, boolean freezer, String where,
    List<String> notUsed) {
  public Enforcement {
    notUsed = List.copyOf(notUsed);
  }

  /** One line such as {@code cgroup-v1 (memory: enforced, cpu: enforced, suspend: freezer) under /sys/...}. */
  public String summary() {
    return kind.label() + " (memory: " + (memory ? "enforced" : "not enforced") + ", cpu: "
        + (cpu ? "enforced" : "not enforced") + ", suspend: " + (freezer ? "freezer" : "SIGSTOP") + ")"
        + (where.isEmpty() ? "" : " under " + where);
  }
}

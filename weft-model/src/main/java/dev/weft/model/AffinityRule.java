package dev.weft.model;

import java.util.Map;

/**
 * Inter-task affinity: the task wants to run (AFFINITY) or not to run (ANTI_AFFINITY) in the
 * same topology domain as running tasks whose labels include {@code matchLabels}. A required rule
 * filters nodes; a preferred one only scores them.
 */
public record AffinityRule(Kind kind, Map<String, String> matchLabels, TopologyLevel level, boolean required) {
  public enum Kind { AFFINITY, ANTI_AFFINITY }

  public AffinityRule {
    matchLabels = matchLabels == null ? Map.of() : Map.copyOf(matchLabels);
    level = level == null ? TopologyLevel.NODE : level;
  }

  public boolean selects(Map<String, String> taskLabels) {
    for (var e : matchLabels.entrySet()) {
      if (!e.getValue().equals(taskLabels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }
}

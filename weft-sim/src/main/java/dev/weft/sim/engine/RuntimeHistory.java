package dev.weft.sim.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per user, the actual run times (ms) of that user's last finished tasks, most recent last. */
final class RuntimeHistory {
  /** How many run times are kept per user (EASY++ uses the last two). */
  static final int KEPT = 8;

  private final Map<String, List<Long>> byUser = new HashMap<>();
  private Map<String, List<Long>> snapshot = Map.of();
  private boolean changed;

  void record(String user, long runtimeMillis) {
    List<Long> old = byUser.getOrDefault(user, List.of());
    List<Long> next = new ArrayList<>(old.subList(Math.max(0, old.size() - KEPT + 1), old.size()));
    next.add(runtimeMillis);
    byUser.put(user, List.copyOf(next));
    changed = true;
  }

  /** An immutable snapshot, copied only when a run time was recorded since the last one. */
  Map<String, List<Long>> snapshot() {
    if (changed) {
      snapshot = Map.copyOf(byUser);
      changed = false;
    }
    return snapshot;
  }
}

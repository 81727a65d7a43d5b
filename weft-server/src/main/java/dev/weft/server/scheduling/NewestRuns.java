package dev.weft.server.scheduling;

import dev.weft.store.RuntimeHistory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runs of one report worth recording: per name, the newest {@code keep} in the store's order
 * (finish time, then task id, then attempt; {@code RuntimeHistory.recent}). The estimate reads only
 * the newest {@link RuntimeEstimator#WINDOW} runs of a name, so an array job's report of a thousand
 * runs of one name records nine of them and every estimate stays what it would have been.
 */
final class NewestRuns {
  private static final Comparator<RuntimeHistory.Run> ORDER = Comparator.comparing(RuntimeHistory.Run::finishedAt)
      .thenComparing(RuntimeHistory.Run::taskId).thenComparingInt(RuntimeHistory.Run::attempt);

  private NewestRuns() {
  }

  /** At most {@code keep} runs of each name, the newest, in the order given. */
  static List<RuntimeHistory.Run> of(List<RuntimeHistory.Run> runs, int keep) {
    Map<String, List<RuntimeHistory.Run>> byName = new HashMap<>();
    for (RuntimeHistory.Run r : runs) {
      byName.computeIfAbsent(r.name(), n -> new ArrayList<>()).add(r);
    }
    if (byName.values().stream().allMatch(l -> l.size() <= keep)) {
      return runs;
    }
    Set<RuntimeHistory.Run> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    for (List<RuntimeHistory.Run> ofName : byName.values()) {
      ofName.sort(ORDER);
      kept.addAll(ofName.subList(Math.max(0, ofName.size() - keep), ofName.size()));
    }
    return runs.stream().filter(kept::contains).toList();
  }
}

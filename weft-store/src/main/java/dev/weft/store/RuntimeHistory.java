package dev.weft.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How long finished runs took, by name (service or job), for run-time estimates. */
public interface RuntimeHistory {
  /** Records one finished run; idempotent by (task, attempt). */
  void record(String taskId, int attempt, String name, long durationMillis, Instant finishedAt);

  /** One finished run, as {@link #record} takes it. */
  record Run(String taskId, int attempt, String name, long durationMillis, Instant finishedAt) {}

  /** {@link #record} for many runs in one batch of writes; idempotent likewise. */
  void recordAll(List<Run> runs);

  /** The durations of the last {@code limit} runs of {@code name}, oldest first. */
  List<Long> recent(String name, int limit);

  /** {@link #recent} for several names at once (one query per few hundred names); names without history are absent. */
  Map<String, List<Long>> recent(Set<String> names, int limit);
}

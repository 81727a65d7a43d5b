package dev.weft.scheduler.backfill;

import dev.weft.model.TaskSpec;
import dev.weft.scheduler.api.PendingTask;
import dev.weft.scheduler.api.RunningTask;
import dev.weft.scheduler.api.SchedulerConfig.Prediction;
import java.util.List;
import java.util.Map;

/**
 * What the scheduler expects of run times, using only what is known at decision time: the task's
 * own estimate, or a prediction from the actual run times of the user's finished tasks (see
 * {@link Prediction}), capped by the estimate. A running task that outlives its prediction is
 * expected to run to its estimate, and one that outlives that, to end any moment. Unknown is
 * {@code Long.MAX_VALUE}.
 */
public final class RuntimeEstimates {
  public static final long UNKNOWN = Long.MAX_VALUE;
  /** How many of the user's latest run times {@link Prediction#RECENT_MAX} looks at. */
  public static final int RECENT = 8;
  /** The user of tasks that name none; they share no history. */
  static final String ANONYMOUS = "anonymous";
  private final Prediction prediction;
  private final Map<String, List<Long>> history;

  /** @param history per user, actual run times (ms) of finished tasks, most recent last */
  public RuntimeEstimates(Prediction prediction, Map<String, List<Long>> history) {
    this.prediction = prediction;
    this.history = history;
  }

  /** The whole expected run time of a task (ms), or {@link #UNKNOWN}. */
  public long total(TaskSpec t) {
    long estimate = t.estimateMillis() > 0 ? t.estimateMillis() : UNKNOWN;
    if (prediction == Prediction.ESTIMATE || ANONYMOUS.equals(t.user())) {
      return estimate;
    }
    List<Long> h = history.getOrDefault(t.user(), List.of());
    long predicted = switch (prediction) {
      case LAST_TWO_MEAN -> h.size() < 2 ? UNKNOWN : (h.get(h.size() - 1) + h.get(h.size() - 2)) / 2;
      case RECENT_MAX -> h.isEmpty() ? UNKNOWN
          : h.subList(Math.max(0, h.size() - RECENT), h.size()).stream().mapToLong(Long::longValue).max().orElseThrow();
      case ESTIMATE -> UNKNOWN;
    };
    return predicted == UNKNOWN ? estimate : Math.min(estimate, Math.max(1, predicted));
  }

  /** What is left of a pending task's run (its total less the work kept from earlier runs). */
  public long remaining(PendingTask p) {
    long total = total(p.spec());
    return total == UNKNOWN ? UNKNOWN : Math.max(1, total - p.doneMillis());
  }

  /** When a running task is expected to end, always after {@code now}. */
  public long expectedEnd(RunningTask r, long now) {
    long end = endAfter(r, total(r.spec()));
    if (end <= now && r.spec().estimateMillis() > 0) {
      end = endAfter(r, r.spec().estimateMillis());
    }
    return end <= now ? now + 1 : end;
  }

  /** What is left of a running task's run at {@code now}, or {@link #UNKNOWN}. */
  public long remaining(RunningTask r, long now) {
    long end = expectedEnd(r, now);
    return end == UNKNOWN ? UNKNOWN : end - now;
  }

  private static long endAfter(RunningTask r, long total) {
    return total == UNKNOWN ? UNKNOWN : r.startMillis() + Math.max(0, total - r.doneMillis());
  }
}

package dev.weft.scheduler.queue;

import dev.weft.model.PolicyName;
import java.util.Comparator;
import java.util.List;

/**
 * The leaf policies as orderings, in one place. Ties always fall back to arrival order.
 * {@code priority} ages: a task gains {@code agingPerMinute} points per minute of waiting, so a
 * low-priority task eventually overtakes newer high-priority ones and nothing starves.
 * {@code wfp3}, {@code unicep} and {@code f1} are {@link PaperScores}, computed at {@code now}.
 */
public final class LeafOrders {
  static final Comparator<Queued> FCFS = Comparator.comparingLong(q -> q.task().spec().submitMillis());
  static final Comparator<Queued> SHORTEST = Comparator.comparingLong(Queued::remainingMillis);

  private LeafOrders() {}

  /** The line of {@code leaf} holding {@code tasks}, ordered by the leaf's policy at time {@code now}. */
  public static LeafOrder of(QueueNode leaf, List<Queued> tasks, long now, long[] clusterTotal) {
    PolicyName p = leaf.spec().policy();
    return switch (p) {
      case FAIR -> new FairLeafOrder(tasks, leaf, clusterTotal);
      case FCFS -> new SortedLeafOrder(tasks, FCFS);
      case SJF, SRTF -> new SortedLeafOrder(tasks, SHORTEST.thenComparing(FCFS));
      case PRIORITY -> new SortedLeafOrder(tasks, aged(now, leaf.spec().agingPerMinute()).thenComparing(FCFS));
      case EDF -> new SortedLeafOrder(tasks, Comparator.comparingLong(LeafOrders::deadline).thenComparing(FCFS));
      case CRITICAL_PATH, DAG_LOOKAHEAD -> new SortedLeafOrder(tasks,
          Comparator.comparingDouble((Queued q) -> -q.rank()).thenComparing(FCFS));
      case WFP3 -> new SortedLeafOrder(tasks, Comparator.comparingDouble((Queued q) -> PaperScores.wfp3(q, now))
          .thenComparing(FCFS));
      case UNICEP -> new SortedLeafOrder(tasks, Comparator.comparingDouble((Queued q) -> PaperScores.unicep(q, now))
          .thenComparing(FCFS));
      case F1 -> new SortedLeafOrder(tasks, Comparator.comparingDouble(PaperScores::f1).thenComparing(FCFS));
    };
  }

  /** Effective priority = priority + agingPerMinute * minutes waited; higher first. */
  static Comparator<Queued> aged(long now, double agingPerMinute) {
    return Comparator.comparingDouble((Queued q) -> {
      long waited = Math.max(0, now - q.task().spec().submitMillis());
      return -(q.task().spec().priority() + agingPerMinute * waited / 60_000.0);
    });
  }

  private static long deadline(Queued q) {
    long d = q.task().spec().deadlineMillis();
    return d > 0 ? d : Long.MAX_VALUE;
  }
}

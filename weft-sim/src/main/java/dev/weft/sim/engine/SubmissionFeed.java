package dev.weft.sim.engine;

import dev.weft.sim.workload.SimJob;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The jobs still to arrive, by submit time; jobs submitted at the same time keep their workload order. */
final class SubmissionFeed {
  private final List<SimJob> jobs;
  private int next;

  SubmissionFeed(List<SimJob> workload) {
    jobs = new ArrayList<>(workload);
    jobs.sort(Comparator.comparingLong(SimJob::submitMillis)); // stable: ties keep file order
  }

  boolean hasMore() {
    return next < jobs.size();
  }

  /** Submit time of the next job; only valid when {@link #hasMore()}. */
  long nextTime() {
    return jobs.get(next).submitMillis();
  }

  /** The jobs submitted at {@code now}, in workload order. */
  List<SimJob> takeAt(long now) {
    List<SimJob> out = new ArrayList<>();
    while (hasMore() && nextTime() == now) {
      out.add(jobs.get(next++));
    }
    return out;
  }
}

package dev.weft.sim.rlscheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One sequence scheduled the way the paper's simulator schedules it, on an empty machine. Used once.
 *
 * <p>The loop: sort the waiting jobs by the priority function and take the first; if it does not
 * fit, move time on one event at a time (the next arrival when it comes no later than the next
 * run end, else that run end) until it does, starting nothing else (without backfilling) or, with
 * backfilling, before each step starting every waiting job, in submit order, that fits now and
 * whose {@code now + requested time} is below the head's reserved start (computed once, from the
 * running jobs' start + requested time); then start the head. Time moves on only when a job
 * cannot start or nothing waits, and then by one arrival at most, so jobs arriving together are
 * seen one by one.
 */
final class PaperSequenceRun {
  private record Running(int job, long start, long end, long expectedEnd, int nodes) {}

  private final List<ProtocolJob> jobs;
  private final ProtocolMachine machine;
  private final PriorityFunction priority;
  private final boolean backfill;
  private final long[] starts;
  private final List<Integer> waiting = new ArrayList<>();
  /** Kept as a list sorted (stably) on demand, as the paper does: ties among equal end times break by this order. */
  private final List<Running> running = new ArrayList<>();
  private int freeNodes;
  private int nextArrival;
  private long now;

  PaperSequenceRun(List<ProtocolJob> jobs, ProtocolMachine machine, PriorityFunction priority, boolean backfill) {
    this.jobs = jobs;
    this.machine = machine;
    this.priority = priority;
    this.backfill = backfill;
    this.starts = new long[jobs.size()];
    this.freeNodes = machine.nodes();
  }

  /** The start time of every job, in sequence order. */
  long[] run() {
    if (jobs.isEmpty()) {
      return starts;
    }
    now = jobs.get(0).submit();
    waiting.add(nextArrival++);
    do {
      waiting.sort(byPriority());
      int head = waiting.get(0);
      if (!fits(head)) {
        if (backfill) {
          backfillUntilFits(head);
        } else {
          waitUntilFits(head);
        }
      }
      start(head);
      waiting.remove(Integer.valueOf(head));
    } while (hasWaitingJob());
    return starts;
  }

  private Comparator<Integer> byPriority() {
    Comparator<ProtocolJob> order = priority.order();
    return (a, b) -> order.compare(jobs.get(a), jobs.get(b));
  }

  private boolean fits(int job) {
    return machine.nodesFor(jobs.get(job).processors()) <= freeNodes;
  }

  private void start(int job) {
    ProtocolJob j = jobs.get(job);
    int nodes = machine.nodesFor(j.processors());
    freeNodes -= nodes;
    starts[job] = now;
    running.add(new Running(job, now, now + j.runtime(), now + j.requestedTime(), nodes));
  }

  private void waitUntilFits(int head) {
    while (!fits(head)) {
      step();
    }
  }

  private void backfillUntilFits(int head) {
    long reserved = reservedStart(head);
    while (!fits(head)) {
      waiting.sort(Comparator.comparingLong(i -> jobs.get(i).submit()));
      for (Integer j : List.copyOf(waiting)) {
        if (now + jobs.get(j).requestedTime() < reserved && fits(j)) {
          start(j);
          waiting.remove(j);
        }
      }
      step();
    }
  }

  /** When the head will fit, judging by the running jobs' requested times. */
  private long reservedStart(int head) {
    running.sort(Comparator.comparingLong(Running::expectedEnd));
    int free = freeNodes;
    int need = machine.nodesFor(jobs.get(head).processors());
    long at = now;
    for (Running r : running) {
      free += r.nodes();
      at = r.expectedEnd();
      if (free >= need) {
        break;
      }
    }
    return at;
  }

  /** Moves time to the next event: an arrival that comes no later than the next run end, else that run end. */
  private void step() {
    running.sort(Comparator.comparingLong(Running::end));
    Running first = running.isEmpty() ? null : running.get(0);
    boolean arrivals = nextArrival < jobs.size();
    if (first == null && !arrivals) {
      throw new IllegalStateException("a job waits on an idle machine: it asks more than the machine has");
    }
    if (arrivals && (first == null || jobs.get(nextArrival).submit() <= first.end())) {
      now = Math.max(now, jobs.get(nextArrival).submit());
      waiting.add(nextArrival++);
    } else {
      now = Math.max(now, first.end());
      running.remove(0);
      freeNodes += first.nodes();
    }
  }

  /** True when a job waits, after moving time on to the next arrival if none did; false when all have started. */
  private boolean hasWaitingJob() {
    if (waiting.isEmpty() && nextArrival >= jobs.size()) {
      return false;
    }
    while (waiting.isEmpty()) {
      step();
    }
    return true;
  }
}

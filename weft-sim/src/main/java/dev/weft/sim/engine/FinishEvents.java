package dev.weft.sim.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.LongPredicate;

/**
 * Future run ends, earliest first. A run that is preempted keeps its event in the queue; the
 * event is recognised as stale by its run number and dropped when reached.
 */
final class FinishEvents {
  private record Finish(long atMillis, long runNumber, String taskId) {}

  private final PriorityQueue<Finish> queue = new PriorityQueue<>(
      Comparator.comparingLong(Finish::atMillis).thenComparingLong(Finish::runNumber));

  void add(long atMillis, long runNumber, String taskId) {
    queue.add(new Finish(atMillis, runNumber, taskId));
  }

  /** The time of the next live event, after dropping stale ones; -1 when none. */
  long nextTime(LongPredicate isLive) {
    while (!queue.isEmpty() && !isLive.test(queue.peek().runNumber())) {
      queue.poll();
    }
    return queue.isEmpty() ? -1 : queue.peek().atMillis();
  }

  /** The task ids of the live runs ending at {@code now}, in the order they started. */
  List<String> takeAt(long now, LongPredicate isLive) {
    List<String> out = new ArrayList<>();
    while (nextTime(isLive) == now) {
      out.add(queue.poll().taskId());
    }
    return out;
  }
}

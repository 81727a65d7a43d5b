package dev.weft.scheduler.dag;

import java.util.ArrayList;
import java.util.List;

/** The busy intervals of one processor, kept sorted by start, so idle gaps can be filled later. */
final class ProcessorTimeline {
  private final List<TaskSlot> busy = new ArrayList<>();

  /**
   * The insertion policy: the earliest time at or after {@code ready} where {@code duration} fits,
   * either in an idle gap between two tasks already placed or after the last one.
   */
  double earliestStart(double ready, double duration) {
    double candidate = ready;
    for (TaskSlot slot : busy) {
      if (candidate + duration <= slot.start()) {
        return candidate;
      }
      candidate = Math.max(candidate, slot.finish());
    }
    return candidate;
  }

  /** Marks the slot busy; the caller found it with {@link #earliestStart} so it overlaps nothing. */
  void occupy(TaskSlot slot) {
    int at = 0;
    while (at < busy.size() && busy.get(at).start() <= slot.start()) {
      at++;
    }
    busy.add(at, slot);
  }
}

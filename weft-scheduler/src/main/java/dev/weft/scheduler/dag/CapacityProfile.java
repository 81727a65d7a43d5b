package dev.weft.scheduler.dag;

import java.util.Arrays;

/**
 * How much of one capacity (the cluster's CPU) is held over time: a step function kept as sorted
 * breakpoints, segment {@code i} covering {@code [time[i], time[i + 1])}. The first segment
 * starts long before anything is held and the last one runs forever, both empty. Demands are
 * expected at most the capacity; the planner caps them so.
 */
final class CapacityProfile {
  private static final long DAWN = Long.MIN_VALUE / 4;

  private final long capacity;
  private long[] time = new long[16];
  private long[] used = new long[16];
  private int size = 1;

  CapacityProfile(long capacity) {
    this.capacity = capacity;
    time[0] = DAWN;
  }

  /** Holds {@code demand} over {@code [start, end)}. */
  void hold(long start, long end, long demand) {
    if (end <= start || demand == 0) {
      return;
    }
    split(start);
    split(end);
    for (int i = segmentAt(start); i < size && time[i] < end; i++) {
      used[i] += demand;
    }
  }

  /** The earliest start at or after {@code from} at which {@code demand} fits for {@code duration}. */
  long earliestStart(long from, long duration, long demand) {
    if (duration == 0 || demand == 0) {
      return from;
    }
    long start = from;
    int first = segmentAt(start);
    while (true) {
      int blocked = -1;
      for (int s = first; s < size && (s == first || time[s] < start + duration); s++) {
        if (used[s] + demand > capacity) {
          blocked = s;
          break;
        }
      }
      if (blocked < 0) {
        return start;
      }
      start = time[blocked + 1];
      first = blocked + 1;
    }
  }

  /** The latest start at which {@code demand} fits for {@code duration} and ends by {@code deadline}. */
  long latestStart(long deadline, long duration, long demand) {
    if (duration == 0 || demand == 0) {
      return deadline - duration;
    }
    long end = deadline;
    int last = segmentAt(end - 1);
    while (true) {
      int blocked = -1;
      for (int s = last; s >= 0 && (s == last || time[s + 1] > end - duration); s--) {
        if (used[s] + demand > capacity) {
          blocked = s;
          break;
        }
      }
      if (blocked < 0) {
        return end - duration;
      }
      end = time[blocked];
      last = blocked - 1;
    }
  }

  private int segmentAt(long t) {
    int i = Arrays.binarySearch(time, 0, size, t);
    return i >= 0 ? i : -i - 2;
  }

  private void split(long t) {
    int i = segmentAt(t);
    if (time[i] == t) {
      return;
    }
    if (size == time.length) {
      time = Arrays.copyOf(time, size * 2);
      used = Arrays.copyOf(used, size * 2);
    }
    System.arraycopy(time, i + 1, time, i + 2, size - i - 1);
    System.arraycopy(used, i + 1, used, i + 2, size - i - 1);
    time[i + 1] = t;
    used[i + 1] = used[i];
    size++;
  }
}

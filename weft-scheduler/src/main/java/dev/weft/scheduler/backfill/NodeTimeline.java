package dev.weft.scheduler.backfill;

import dev.weft.scheduler.resources.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The expected free capacity of one node over time, as a step function: segment {@code i} holds
 * {@code free.get(i)} from {@code times[i]} until {@code times[i + 1]} (the last one for ever).
 * Holders and reservations change it by intervals, in place, so a round that makes many
 * reservations does not rebuild it; queries scan only the segments they cover.
 */
final class NodeTimeline {
  private long[] times;
  private int size;
  private final List<long[]> free = new ArrayList<>();

  /** A timeline that is {@code freeNow} from the beginning of time on. */
  NodeTimeline(long[] freeNow) {
    times = new long[16];
    times[0] = Long.MIN_VALUE;
    size = 1;
    free.add(freeNow.clone());
  }

  /** Adds {@code sign * delta} to the free capacity over [from, until); {@code until} may be Long.MAX_VALUE. */
  void change(long from, long until, long[] delta, int sign) {
    if (from >= until) {
      return;
    }
    int first = split(from);
    int end = until == Long.MAX_VALUE ? size : split(until);
    for (int i = first; i < end; i++) {
      long[] f = free.get(i);
      for (int d = 0; d < f.length; d++) {
        f[d] += sign * delta[d];
      }
    }
  }

  /** True when {@code need} is free at every instant of [from, until). */
  boolean fits(long[] need, long from, long until) {
    for (int i = segmentAt(from); i < size && times[i] < until; i++) {
      if (!Vectors.fits(need, free.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The earliest instant at or after {@code from} where {@code need} fits for {@code duration},
   * or -1. One pass: a start candidate that meets a short segment jumps past it.
   */
  long earliestStart(long[] need, long from, long duration) {
    int i = segmentAt(from);
    long start = from;
    while (i < size) {
      long until = end(start, duration);
      int j = i;
      while (j < size && times[j] < until && Vectors.fits(need, free.get(j))) {
        j++;
      }
      if (j >= size || times[j] >= until) {
        return start;
      }
      i = j + 1;
      if (i >= size) {
        return -1;
      }
      start = times[i];
    }
    return -1;
  }

  static long end(long start, long duration) {
    return duration >= Long.MAX_VALUE - start ? Long.MAX_VALUE : start + duration;
  }

  private int segmentAt(long t) {
    int k = Arrays.binarySearch(times, 0, size, t);
    return k >= 0 ? k : -k - 2;
  }

  /** Makes {@code t} a segment boundary and returns the index of the segment starting there. */
  private int split(long t) {
    int k = Arrays.binarySearch(times, 0, size, t);
    if (k >= 0) {
      return k;
    }
    int at = -k - 1;
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
    }
    System.arraycopy(times, at, times, at + 1, size - at);
    times[at] = t;
    free.add(at, free.get(at - 1).clone());
    size++;
    return at;
  }
}

package dev.weft.scheduler.placement;

import dev.weft.model.Resources;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The GPU devices of one node: how many milli each has free (a device is {@link Resources#MILLI_PER_GPU})
 * and which task holds what.
 *
 * <p>Which device a task gets (the documented rule):
 * <ul>
 *   <li>a share of {@code m} milli takes the <b>best-fit device</b>: the one with the least free
 *       milli that is still at least {@code m} (ties: the lowest-numbered), so emptier devices stay
 *       whole for bigger shares and whole-GPU tasks;</li>
 *   <li>{@code n} whole GPUs take the {@code n} lowest-numbered fully free devices.</li>
 * </ul>
 * A hold never refuses: one that does not fit (a running task reported on a node that shrank)
 * overdraws the freest devices, so their free milli goes negative, as other resources do, and
 * nothing needing GPUs fits there until it is released.
 */
public final class GpuDevices {
  private static final int FULL = (int) Resources.MILLI_PER_GPU;
  private final int[] free;
  private final Map<String, Deque<int[]>> grants;

  GpuDevices(int count) {
    free = new int[count];
    Arrays.fill(free, FULL);
    grants = new HashMap<>();
  }

  private GpuDevices(GpuDevices other) {
    free = other.free.clone();
    grants = new HashMap<>();
    other.grants.forEach((task, held) -> grants.put(task, new ArrayDeque<>(held)));
  }

  public int count() {
    return free.length;
  }

  /** Free milli on {@code device}. */
  public int free(int device) {
    return free[device];
  }

  /** Devices nobody holds any part of. */
  public int fullyFree() {
    int n = 0;
    for (int f : free) {
      if (f == FULL) {
        n++;
      }
    }
    return n;
  }

  /** The most free milli on any one device (0 without devices). */
  public int largestFree() {
    int max = 0;
    for (int f : free) {
      max = Math.max(max, f);
    }
    return max;
  }

  /** Free milli over all devices. */
  public long totalFree() {
    long sum = 0;
    for (int f : free) {
      sum += f;
    }
    return sum;
  }

  /** The device a share of {@code milli} would take under the best-fit rule, or -1 when none has room. */
  public int deviceFor(long milli) {
    int best = -1;
    for (int d = 0; d < free.length; d++) {
      if (free[d] >= milli && (best < 0 || free[d] < free[best])) {
        best = d;
      }
    }
    return best;
  }

  /** The free milli per device once {@code wholes} GPUs or a share of {@code milli} is granted (a new array). */
  public int[] freeAfter(long wholes, long milli) {
    int[] after = free.clone();
    for (int d : choose(wholes, milli)) {
      after[d] -= wholes > 0 ? FULL : (int) milli;
    }
    return after;
  }

  /** Grants {@code task} {@code wholes} whole devices, or else a share of {@code milli} on one device. */
  void hold(String task, long wholes, long milli) {
    if (wholes == 0 && milli == 0) {
      return;
    }
    int[] grant = choose(wholes, milli);
    int each = wholes > 0 ? FULL : (int) milli;
    for (int d : grant) {
      free[d] -= each;
    }
    int[] record = Arrays.copyOf(grant, grant.length + 1);
    record[grant.length] = each;
    grants.computeIfAbsent(task, k -> new ArrayDeque<>()).push(record);
  }

  /** Gives back the latest grant of {@code task} on this node; nothing when it holds none. */
  void release(String task) {
    Deque<int[]> held = grants.get(task);
    if (held == null) {
      return;
    }
    int[] record = held.pop();
    if (held.isEmpty()) {
      grants.remove(task);
    }
    int each = record[record.length - 1];
    for (int i = 0; i < record.length - 1; i++) {
      free[record[i]] += each;
    }
  }

  GpuDevices copy() {
    return new GpuDevices(this);
  }

  private int[] choose(long wholes, long milli) {
    if (wholes == 0) {
      int d = deviceFor(milli);
      return new int[] {d >= 0 ? d : freest(new boolean[free.length])};
    }
    int[] out = new int[(int) Math.min(wholes, Integer.MAX_VALUE)];
    boolean[] taken = new boolean[free.length];
    int n = 0;
    for (int d = 0; d < free.length && n < out.length; d++) {
      if (free[d] == FULL) {
        taken[d] = true;
        out[n++] = d;
      }
    }
    while (n < out.length) {
      int d = freest(taken);
      taken[d] = true;
      out[n++] = d;
    }
    return out;
  }

  /** The device with the most free milli not yet {@code taken} (any device when all are). */
  private int freest(boolean[] taken) {
    int best = -1;
    for (int d = 0; d < free.length; d++) {
      if (!taken[d] && (best < 0 || free[d] > free[best])) {
        best = d;
      }
    }
    return best < 0 ? 0 : best;
  }

  @Override
  public String toString() {
    return Arrays.toString(free);
  }
}

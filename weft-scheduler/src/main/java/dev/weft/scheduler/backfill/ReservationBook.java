package dev.weft.scheduler.backfill;

import dev.weft.scheduler.api.Reservation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reservations of one planning round and the node timelines they are checked against.
 * Holders (running tasks and tasks placed this round) are registered with their expected end;
 * {@link #allows} says whether a task may start now on a node without delaying a reservation.
 */
public final class ReservationBook {
  private final List<long[]> freeNow;
  private final Map<Integer, Map<String, long[]>> releases = new HashMap<>();
  private final Map<Integer, List<Booked>> booked = new HashMap<>();
  private final Map<Integer, NodeTimeline> timelines = new HashMap<>();
  private final List<Reservation> reservations = new ArrayList<>();

  private record Booked(long[] need, long start, long end) {}

  /** @param freeNow the live free vectors of the nodes, by node index */
  public ReservationBook(List<long[]> freeNow) {
    this.freeNow = freeNow;
  }

  /** Task {@code task} holds {@code need} on node {@code node} and is expected to give it back at {@code endMillis}. */
  public void holding(int node, String task, long[] need, long endMillis) {
    long[] entry = new long[need.length + 1];
    System.arraycopy(need, 0, entry, 0, need.length);
    entry[need.length] = endMillis;
    releases.computeIfAbsent(node, k -> new HashMap<>()).put(task, entry);
    NodeTimeline t = timelines.get(node);
    if (t != null) {
      t.change(Long.MIN_VALUE, endMillis, need, -1);
    }
  }

  /** Task {@code task} gave its hold on node {@code node} back (it was preempted). */
  public void released(int node, String task) {
    Map<String, long[]> m = releases.get(node);
    long[] entry = m == null ? null : m.remove(task);
    NodeTimeline t = timelines.get(node);
    if (entry != null && t != null) {
      t.change(Long.MIN_VALUE, entry[entry.length - 1], java.util.Arrays.copyOf(entry, entry.length - 1), 1);
    }
  }

  public boolean isEmpty() {
    return booked.isEmpty();
  }

  public boolean hasReservations(int node) {
    return booked.containsKey(node);
  }

  public boolean allows(int node, long[] need, long now, long end) {
    return !booked.containsKey(node) || timeline(node).fits(need, now, end);
  }

  /** The earliest start on {@code node} for {@code need} held {@code duration} ms, or -1 if never. */
  public long earliestStart(int node, long[] need, long now, long duration) {
    return timeline(node).earliestStart(need, now, duration);
  }

  public void reserve(Reservation r, int node, long[] need, long duration) {
    Booked b = new Booked(need, r.startMillis(), NodeTimeline.end(r.startMillis(), duration));
    booked.computeIfAbsent(node, k -> new ArrayList<>()).add(b);
    reservations.add(r);
    timeline(node).change(b.start, b.end, need, -1);
  }

  public List<Reservation> reservations() {
    return List.copyOf(reservations);
  }

  private NodeTimeline timeline(int node) {
    return timelines.computeIfAbsent(node, this::build);
  }

  /**
   * The node's timeline: free now, plus what each holder gives back at its expected end, less
   * what reservations take. Built once per node per round; later changes are applied in place.
   */
  private NodeTimeline build(int node) {
    long[] now = freeNow.get(node);
    long[] base = now.clone();
    List<long[]> held = new ArrayList<>(releases.getOrDefault(node, Map.of()).values());
    for (long[] r : held) {
      for (int d = 0; d < base.length; d++) {
        base[d] += r[d];
      }
    }
    NodeTimeline t = new NodeTimeline(base);
    for (long[] r : held) {
      t.change(Long.MIN_VALUE, r[r.length - 1], java.util.Arrays.copyOf(r, r.length - 1), -1);
    }
    for (Booked b : booked.getOrDefault(node, List.of())) {
      t.change(b.start, b.end, b.need, -1);
    }
    return t;
  }
}

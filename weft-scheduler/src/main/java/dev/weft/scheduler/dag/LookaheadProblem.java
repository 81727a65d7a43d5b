package dev.weft.scheduler.dag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A {@link LookaheadInput} by index: the tasks still to start (ready or waiting), in task-id
 * order, with their durations, CPU (capped at the cluster's), successors and predecessors among
 * them, the earliest time each may start, their place for breaking ties (ready tasks in the
 * order given, then waiting ones), and the CPU running tasks hold until their ends.
 */
final class LookaheadProblem {
  final List<String> ids;
  final long now;
  final long capacity;
  final long[] duration;
  final long[] demand;
  final long[] releasedAt;
  final int[] tieOrder;
  final int[][] successors;
  final int[][] predecessors;
  final int[] topologicalOrder;
  final int[] topologicalPosition;
  final long[] heldUntil;
  final long[] heldCpu;
  final long smallestDemand;

  LookaheadProblem(LookaheadInput in) {
    this.now = in.nowMillis();
    this.capacity = in.capacityMillis();
    Map<String, LookaheadInput.Ready> ready = new HashMap<>();
    Map<String, Integer> readyPlace = new HashMap<>();
    in.ready().forEach(r -> {
      ready.put(r.taskId(), r);
      readyPlace.putIfAbsent(r.taskId(), readyPlace.size());
    });
    Map<String, Long> runningEnd = new HashMap<>();
    in.running().forEach(r -> runningEnd.put(r.taskId(), r.endMillis()));
    ids = new ArrayList<>(toStart(in, ready.keySet(), runningEnd.keySet()));
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    int n = ids.size();
    duration = new long[n];
    demand = new long[n];
    releasedAt = new long[n];
    tieOrder = new int[n];
    long smallest = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      LookaheadInput.Ready r = ready.get(ids.get(i));
      duration[i] = Math.max(0, r != null ? r.durationMillis() : in.graph().estimates().getOrDefault(ids.get(i), 0L));
      demand[i] = Math.min(capacity, Math.max(0, r != null ? r.cpuMillis() : in.graph().cpuOf(ids.get(i))));
      releasedAt[i] = now;
      tieOrder[i] = readyPlace.getOrDefault(ids.get(i), readyPlace.size() + i);
      smallest = Math.min(smallest, demand[i]);
    }
    smallestDemand = smallest;
    successors = new int[n][];
    List<List<Integer>> preds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      preds.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      int from = i;
      successors[i] = in.graph().successors().getOrDefault(ids.get(i), List.of()).stream()
          .filter(index::containsKey).mapToInt(index::get).toArray();
      for (int s : successors[i]) {
        preds.get(s).add(from);
      }
    }
    predecessors = preds.stream().map(p -> p.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    runningEnd.forEach((id, end) -> in.graph().successors().getOrDefault(id, List.of()).stream()
        .filter(index::containsKey).forEach(s -> releasedAt[index.get(s)] = Math.max(releasedAt[index.get(s)], end)));
    topologicalOrder = TopologicalOrder.of(n, t -> successors[t], ids::get);
    topologicalPosition = new int[n];
    for (int k = 0; k < n; k++) {
      topologicalPosition[topologicalOrder[k]] = k;
    }
    heldUntil = in.running().stream().mapToLong(r -> Math.max(now, r.endMillis())).toArray();
    heldCpu = in.running().stream().mapToLong(r -> Math.min(capacity, Math.max(0, r.cpuMillis()))).toArray();
  }

  int size() {
    return ids.size();
  }

  /** A profile holding what the running tasks hold, from now until their ends. */
  CapacityProfile backgroundProfile() {
    CapacityProfile p = new CapacityProfile(capacity);
    for (int r = 0; r < heldUntil.length; r++) {
      p.hold(now, heldUntil[r], heldCpu[r]);
    }
    return p;
  }

  /** The graph's tasks and the ready tasks, less the running ones, in id order. */
  private static SortedSet<String> toStart(LookaheadInput in, Set<String> ready, Set<String> running) {
    SortedSet<String> ids = new TreeSet<>(in.graph().estimates().keySet());
    in.graph().successors().forEach((task, next) -> {
      ids.add(task);
      ids.addAll(next);
    });
    ids.addAll(ready);
    ids.removeAll(running);
    return ids;
  }
}

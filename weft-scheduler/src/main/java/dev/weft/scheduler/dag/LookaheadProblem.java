package dev.weft.scheduler.dag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
  final int[] tieOrder;
  final int[][] successors;
  final int[][] predecessors;
  final long[] releasedAt;
  final int[] topologicalOrder;
  final int[] topologicalPosition;
  final long[] heldUntil;
  final long[] heldCpu;
  final long smallestDemand;

  LookaheadProblem(LookaheadInput in) {
    now = in.nowMillis();
    capacity = in.capacityMillis();
    Map<String, LookaheadInput.Ready> ready = new LinkedHashMap<>();
    Map<String, Integer> readyPlace = new HashMap<>();
    in.ready().forEach(r -> {
      ready.putIfAbsent(r.taskId(), r);
      readyPlace.putIfAbsent(r.taskId(), readyPlace.size());
    });
    ids = List.copyOf(toStart(in, ready.keySet()));
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    int n = ids.size();
    duration = new long[n];
    demand = new long[n];
    tieOrder = new int[n];
    for (int i = 0; i < n; i++) {
      LookaheadInput.Ready r = ready.get(ids.get(i));
      duration[i] = Math.max(0, r != null ? r.durationMillis() : in.graph().estimates().getOrDefault(ids.get(i), 0L));
      demand[i] = Math.min(capacity, Math.max(0, r != null ? r.cpuMillis() : in.graph().cpuOf(ids.get(i))));
      tieOrder[i] = r != null ? readyPlace.get(ids.get(i)) : readyPlace.size() + i;
    }
    smallestDemand = Arrays.stream(demand).min().orElse(0);
    successors = successors(in, index);
    predecessors = reversed(successors);
    releasedAt = releases(in, index);
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
  private static SortedSet<String> toStart(LookaheadInput in, Set<String> ready) {
    SortedSet<String> ids = new TreeSet<>(in.graph().estimates().keySet());
    in.graph().successors().forEach((task, next) -> {
      ids.add(task);
      ids.addAll(next);
    });
    ids.addAll(ready);
    ids.removeAll(in.running().stream().map(LookaheadInput.Running::taskId).collect(Collectors.toSet()));
    return ids;
  }

  private int[][] successors(LookaheadInput in, Map<String, Integer> index) {
    return ids.stream().map(id -> in.graph().successors().getOrDefault(id, List.of()).stream()
        .filter(index::containsKey).mapToInt(index::get).toArray()).toArray(int[][]::new);
  }

  private static int[][] reversed(int[][] edges) {
    List<List<Integer>> back = new ArrayList<>();
    for (int i = 0; i < edges.length; i++) {
      back.add(new ArrayList<>());
    }
    for (int i = 0; i < edges.length; i++) {
      for (int j : edges[i]) {
        back.get(j).add(i);
      }
    }
    return back.stream().map(b -> b.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
  }

  /** Now, or for a successor of running tasks the latest of their expected ends. */
  private long[] releases(LookaheadInput in, Map<String, Integer> index) {
    long[] released = new long[ids.size()];
    Arrays.fill(released, now);
    for (LookaheadInput.Running r : in.running()) {
      for (String s : in.graph().successors().getOrDefault(r.taskId(), List.of())) {
        Integer i = index.get(s);
        if (i != null) {
          released[i] = Math.max(released[i], r.endMillis());
        }
      }
    }
    return released;
  }
}

package dev.weft.scheduler.placement;

import dev.weft.model.Node;
import dev.weft.model.Profile;
import dev.weft.model.TaskSpec;
import java.util.ArrayList;
import java.util.List;

/** One node during a planning round: what is free and which tasks hold it (running or just placed). */
public final class NodeState {
  final int index;
  final Node node;
  final long[] capacity;
  final long[] free;
  private final List<TaskSpec> tasks = new ArrayList<>();
  private int cpuBound;
  private int ioBound;

  NodeState(int index, Node node, long[] capacity) {
    this.index = index;
    this.node = node;
    this.capacity = capacity;
    this.free = capacity.clone();
  }

  public int index() {
    return index;
  }

  public Node node() {
    return node;
  }

  public String id() {
    return node.id();
  }

  public long[] free() {
    return free;
  }

  public long[] capacity() {
    return capacity;
  }

  public List<TaskSpec> tasks() {
    return tasks;
  }

  public int cpuBoundTasks() {
    return cpuBound;
  }

  public int ioBoundTasks() {
    return ioBound;
  }

  void hold(TaskSpec task, long[] need) {
    for (int d = 0; d < need.length; d++) {
      free[d] -= need[d];
    }
    tasks.add(task);
    countProfile(task.profile(), 1);
  }

  void release(TaskSpec task, long[] need) {
    for (int d = 0; d < need.length; d++) {
      free[d] += need[d];
    }
    tasks.remove(task);
    countProfile(task.profile(), -1);
  }

  private void countProfile(Profile p, int delta) {
    if (p == Profile.CPU) {
      cpuBound += delta;
    } else if (p == Profile.IO) {
      ioBound += delta;
    }
  }
}

package dev.weft.scheduler.queue;

import dev.weft.model.QueueSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One queue during a round: its resolved guarantee and max, what it uses, and (leaves) its tasks. */
public final class QueueNode {
  final String path;
  final QueueSpec spec;
  final QueueNode parent;
  final List<QueueNode> children = new ArrayList<>();
  final long[] guarantee;
  final long[] max;
  final long[] perUserLimit;
  final long[] used;
  final Map<String, long[]> usedByUser = new HashMap<>();
  LeafOrder tasks;
  String blockedBecause;

  QueueNode(String path, QueueSpec spec, QueueNode parent, long[] guarantee, long[] max, long[] perUserLimit) {
    this.path = path;
    this.spec = spec;
    this.parent = parent;
    this.guarantee = guarantee;
    this.max = max;
    this.perUserLimit = perUserLimit;
    this.used = new long[guarantee.length];
  }

  public String path() {
    return path;
  }

  public QueueSpec spec() {
    return spec;
  }

  public QueueNode parent() {
    return parent;
  }

  /** True when this queue is {@code q} or one of its ancestors. */
  public boolean contains(QueueNode q) {
    for (QueueNode x = q; x != null; x = x.parent) {
      if (x == this) {
        return true;
      }
    }
    return false;
  }

  public boolean isLeaf() {
    return children.isEmpty();
  }

  public long[] used() {
    return used;
  }

  public long[] guarantee() {
    return guarantee;
  }

  public long[] max() {
    return max;
  }

  public LeafOrder tasks() {
    return tasks;
  }

  public void setTasks(LeafOrder line) {
    tasks = line;
  }

  public String blockedBecause() {
    return blockedBecause;
  }

  /** Stops this leaf for the rest of the round; its waiting tasks are explained by {@code why}. */
  public void block(String why) {
    blockedBecause = why;
  }

  long[] usedBy(String user) {
    return usedByUser.computeIfAbsent(user, u -> new long[used.length]);
  }

  boolean active() {
    if (isLeaf()) {
      return blockedBecause == null && tasks != null && tasks.peek() != null;
    }
    for (QueueNode c : children) {
      if (c.active()) {
        return true;
      }
    }
    return false;
  }
}

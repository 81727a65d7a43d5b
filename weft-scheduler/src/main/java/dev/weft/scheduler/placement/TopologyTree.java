package dev.weft.scheduler.placement;

import dev.weft.model.Node;
import dev.weft.model.TaskSpec;
import dev.weft.scheduler.resources.ResourceSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The cluster as a tree root -> region -> zone -> rack -> node. Every inner vertex keeps, per
 * dimension, the largest free amount on any one node below it (a subtree whose maximum is short
 * cannot fit the task and is pruned whole) and the total free and total capacity below it (for
 * ordering subtrees by how full they are). Nodes of a rack are contiguous in {@link #nodes()}.
 */
public final class TopologyTree {
  private final List<NodeState> nodes;
  private final Vertex root;
  private final Vertex[] rackOf;

  /** An inner vertex of the tree; racks are the last inner level and own a range of nodes. */
  static final class Vertex {
    final String name;
    final List<Vertex> children = new ArrayList<>();
    final Vertex parent;
    int lo;
    int hi;
    final long[] maxFree;
    final long[] sumFree;
    final long[] sumCapacity;
    /** Goes up whenever anything below this vertex changes, so "no room here" can be remembered. */
    long version;

    Vertex(String name, Vertex parent, int dims) {
      this.name = name;
      this.parent = parent;
      this.maxFree = new long[dims];
      this.sumFree = new long[dims];
      this.sumCapacity = new long[dims];
    }

    boolean isRack() {
      return children.isEmpty();
    }

    int nodeCount() {
      return hi - lo;
    }
  }

  public TopologyTree(List<Node> cluster, ResourceSpace space) {
    List<Node> sorted = new ArrayList<>(cluster);
    sorted.sort(Comparator.comparing((Node n) -> n.topology().region()).thenComparing(n -> n.topology().zone())
        .thenComparing(n -> n.topology().rack()).thenComparing(Node::id));
    nodes = new ArrayList<>(sorted.size());
    rackOf = new Vertex[sorted.size()];
    root = new Vertex("cluster", null, space.size());
    build(sorted, space);
    refreshAll(root);
  }

  private void build(List<Node> sorted, ResourceSpace space) {
    List<Function<Node, String>> levels = List.of(n -> n.topology().region(), n -> n.topology().zone(),
        n -> n.topology().rack());
    Vertex[] path = new Vertex[levels.size()];
    for (int i = 0; i < sorted.size(); i++) {
      Node n = sorted.get(i);
      Vertex parent = root;
      for (int l = 0; l < levels.size(); l++) {
        String key = levels.get(l).apply(n);
        if (path[l] == null || path[l].parent != parent || !path[l].name.equals(key)) {
          path[l] = new Vertex(key, parent, space.size());
          path[l].lo = i;
          parent.children.add(path[l]);
          for (int k = l + 1; k < levels.size(); k++) {
            path[k] = null;
          }
        }
        path[l].hi = i + 1;
        parent = path[l];
      }
      nodes.add(new NodeState(i, n, space));
      rackOf[i] = parent;
    }
    root.lo = 0;
    root.hi = sorted.size();
  }

  public List<NodeState> nodes() {
    return nodes;
  }

  Vertex root() {
    return root;
  }

  /** Takes {@code need} from node {@code i} for {@code task} and updates the aggregates above it. */
  public void hold(int i, TaskSpec task, long[] need) {
    NodeState n = nodes.get(i);
    long[] before = n.free.clone();
    n.hold(task, need);
    updateUp(rackOf[i], before, n.free);
  }

  /** Gives back what {@link #hold} took. */
  public void release(int i, TaskSpec task, long[] need) {
    NodeState n = nodes.get(i);
    long[] before = n.free.clone();
    n.release(task, need);
    updateUp(rackOf[i], before, n.free);
  }

  /**
   * Propagates one node's change of free capacity from {@code before} to {@code after} up the
   * tree: totals by the difference; a maximum is recomputed from the children only when the
   * child that held it shrank.
   */
  private void updateUp(Vertex rack, long[] before, long[] after) {
    long[] oldChild = before;
    long[] newChild = after;
    for (Vertex v = rack; v != null; v = v.parent) {
      v.version++;
      long[] oldMax = v.maxFree.clone();
      for (int d = 0; d < after.length; d++) {
        v.sumFree[d] += after[d] - before[d];
        if (newChild[d] >= v.maxFree[d]) {
          v.maxFree[d] = newChild[d];
        } else if (oldChild[d] == v.maxFree[d]) {
          v.maxFree[d] = maxOfChildren(v, d);
        }
      }
      oldChild = oldMax;
      newChild = v.maxFree;
    }
  }

  private long maxOfChildren(Vertex v, int d) {
    long max = Long.MIN_VALUE;
    if (v.isRack()) {
      for (int i = v.lo; i < v.hi; i++) {
        max = Math.max(max, nodes.get(i).free[d]);
      }
    } else {
      for (Vertex c : v.children) {
        max = Math.max(max, c.maxFree[d]);
      }
    }
    return max;
  }

  private void refreshAll(Vertex v) {
    for (Vertex c : v.children) {
      refreshAll(c);
    }
    refresh(v);
  }

  private void refresh(Vertex v) {
    java.util.Arrays.fill(v.maxFree, Long.MIN_VALUE);
    java.util.Arrays.fill(v.sumFree, 0);
    java.util.Arrays.fill(v.sumCapacity, 0);
    if (v.isRack()) {
      for (int i = v.lo; i < v.hi; i++) {
        NodeState n = nodes.get(i);
        accumulate(v, n.free, n.free, n.capacity);
      }
    } else {
      for (Vertex c : v.children) {
        accumulate(v, c.maxFree, c.sumFree, c.sumCapacity);
      }
    }
  }

  private static void accumulate(Vertex v, long[] max, long[] sum, long[] cap) {
    for (int d = 0; d < max.length; d++) {
      v.maxFree[d] = Math.max(v.maxFree[d], max[d]);
      v.sumFree[d] += sum[d];
      v.sumCapacity[d] += cap[d];
    }
  }
}

package dev.weft.scheduler.placement;

import dev.weft.scheduler.resources.Vectors;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks a node for one request by descending the topology tree: subtrees whose largest free
 * node is short in some dimension are pruned whole; the rest are visited fullest-first (bin-pack)
 * or emptiest-first (spread); in the first rack with a feasible node, every node is filtered and
 * scored and the best wins (ties: topology order). When nothing fits, {@link #explain} counts
 * the rejection reasons over all nodes.
 */
public final class Placer {
  private final TopologyTree tree;
  private final PlacementPlugins plugins;
  private final Map<Shape, Map<TopologyTree.Vertex, Long>> noRoom = new HashMap<>();

  /**
   * What decides feasibility when it is static (see {@link PlacementPlugins#feasibilityIsStatic}):
   * tasks of one shape are rejected by the same racks until those racks change, as Kubernetes'
   * equivalence classes and Nomad's class eligibility exploit.
   */
  private record Shape(List<Long> need, Object constraints, Object tolerations) {
    static Shape of(PlacementRequest r) {
      return new Shape(Arrays.stream(r.need()).boxed().toList(), r.task().constraints(), r.task().tolerations());
    }
  }

  private final boolean rememberNoRoom;

  public Placer(TopologyTree tree, PlacementPlugins plugins) {
    this(tree, plugins, true);
  }

  /** With {@code rememberNoRoom} false every rack is examined afresh (the reference behaviour tests compare with). */
  Placer(TopologyTree tree, PlacementPlugins plugins, boolean rememberNoRoom) {
    this.tree = tree;
    this.plugins = plugins;
    this.rememberNoRoom = rememberNoRoom;
  }

  /** The index of the chosen node, or -1 when no node passes every filter. */
  public int place(PlacementRequest r) {
    if (Vectors.shortfall(r.need(), tree.root().maxFree) >= 0) {
      return -1; // no node has room (what descending would find first), so no shape to remember either
    }
    Map<TopologyTree.Vertex, Long> memo = rememberNoRoom && plugins.feasibilityIsStatic(r)
        ? noRoom.computeIfAbsent(Shape.of(r), k -> new HashMap<>()) : null;
    return descend(tree.root(), r, memo);
  }

  /** Why each node rejects the request: reason -> number of nodes. */
  public Map<String, Integer> explain(PlacementRequest r) {
    Map<String, Integer> out = new HashMap<>();
    count(tree.root(), r, out);
    return out;
  }

  private int descend(TopologyTree.Vertex v, PlacementRequest r, Map<TopologyTree.Vertex, Long> memo) {
    if (Vectors.shortfall(r.need(), v.maxFree) >= 0) {
      return -1;
    }
    if (v.isRack()) {
      if (memo != null && Long.valueOf(v.version).equals(memo.get(v))) {
        return -1;
      }
      int best = bestInRack(v, r);
      if (best < 0 && memo != null) {
        memo.put(v, v.version);
      }
      return best;
    }
    return descendChildren(v.children, r, memo);
  }

  /**
   * Visits children fullest-first (bin-pack), emptiest-first (spread) or in topology order,
   * choosing the next best child only when the previous one had no node, since the first usually
   * does: cheaper than sorting all of them on every placement.
   */
  private int descendChildren(List<TopologyTree.Vertex> children, PlacementRequest r,
                              Map<TopologyTree.Vertex, Long> memo) {
    int order = plugins.subtreeOrder();
    if (order == 0 || children.size() < 2) {
      for (TopologyTree.Vertex c : children) {
        int found = descend(c, r, memo);
        if (found >= 0) {
          return found;
        }
      }
      return -1;
    }
    int n = children.size();
    double[] key = new double[n];
    for (int i = 0; i < n; i++) {
      TopologyTree.Vertex c = children.get(i);
      key[i] = Vectors.shortfall(r.need(), c.maxFree) >= 0 ? Double.NaN : order * fullness(c, r.need());
    }
    for (int tried = 0; tried < n; tried++) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (!Double.isNaN(key[i]) && (best < 0 || key[i] > key[best])) {
          best = i;
        }
      }
      if (best < 0) {
        return -1;
      }
      key[best] = Double.NaN;
      int found = descend(children.get(best), r, memo);
      if (found >= 0) {
        return found;
      }
    }
    return -1;
  }

  private int bestInRack(TopologyTree.Vertex rack, PlacementRequest r) {
    List<NodeState> nodes = tree.nodes();
    int best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = rack.lo; i < rack.hi; i++) {
      NodeState n = nodes.get(i);
      if (plugins.reject(r, n) == null) {
        double s = plugins.score(r, n);
        if (s > bestScore) {
          best = i;
          bestScore = s;
        }
      }
    }
    return best;
  }

  private static double fullness(TopologyTree.Vertex v, long[] need) {
    double sum = 0;
    int dims = 0;
    for (int d = 0; d < need.length; d++) {
      if (need[d] > 0 && v.sumCapacity[d] > 0) {
        sum += 1 - (double) v.sumFree[d] / v.sumCapacity[d];
        dims++;
      }
    }
    return dims == 0 ? 0 : sum / dims;
  }

  private void count(TopologyTree.Vertex v, PlacementRequest r, Map<String, Integer> out) {
    int short_ = Vectors.shortfall(r.need(), v.maxFree);
    if (short_ >= 0 && v.nodeCount() > 0) {
      out.merge(plugins.fit.reasonFor(short_), v.nodeCount(), Integer::sum);
      return;
    }
    if (v.isRack()) {
      for (int i = v.lo; i < v.hi; i++) {
        String why = plugins.reject(r, tree.nodes().get(i));
        out.merge(why == null ? "feasible" : why, 1, Integer::sum);
      }
      return;
    }
    for (TopologyTree.Vertex c : v.children) {
      count(c, r, out);
    }
  }
}

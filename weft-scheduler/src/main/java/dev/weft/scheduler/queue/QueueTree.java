package dev.weft.scheduler.queue;

import dev.weft.model.QueueSpec;
import dev.weft.model.Resources;
import dev.weft.scheduler.resources.ResourceSpace;
import dev.weft.scheduler.resources.Vectors;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The queue tree of one round. Guarantees and maxima are resolved top-down: a child's percentage
 * is of its parent's guarantee (guarantee) or max (max); the root's are the whole cluster. Usage
 * is charged to a leaf and every ancestor.
 */
public final class QueueTree {
  private final QueueNode root;
  private final Map<String, QueueNode> byPath = new LinkedHashMap<>();
  private final long[] total;

  /** @param clusterTotal what the nodes offer together; its gpus also count as GPU shares ({@link Resources#asCapacity()}) */
  public QueueTree(QueueSpec spec, Resources clusterTotal, ResourceSpace space) {
    Resources offered = clusterTotal.asCapacity();
    this.total = space.vector(offered);
    root = build(spec, null, offered, offered, space);
  }

  private QueueNode build(QueueSpec s, QueueNode parent, Resources parentGuarantee, Resources parentMax,
                          ResourceSpace space) {
    String path = parent == null ? s.name() : parent.path + "." + s.name();
    Resources g = parent == null ? parentGuarantee : s.guarantee().resolve(parentGuarantee);
    Resources m = parent == null ? parentMax : min(unnamedIsUnlimited(s.max(), parentMax), parentMax);
    Resources userLimit = s.perUserLimit().resolve(m);
    QueueNode n = new QueueNode(path, s, parent, space.vector(g), space.vector(m), space.vector(userLimit));
    byPath.put(path, n);
    for (QueueSpec c : s.children()) {
      n.children.add(build(c, n, g, m, space));
    }
    return n;
  }

  /** An absolute max that leaves a dimension at 0 does not cap it: {@code max: {cpu: 3}} caps cpu only. */
  private static Resources unnamedIsUnlimited(dev.weft.model.Share max, Resources parentMax) {
    Resources m = max.resolve(parentMax);
    if (!(max instanceof dev.weft.model.Share.Absolute)) {
      return m;
    }
    java.util.Map<String, Long> ext = new java.util.TreeMap<>(parentMax.extended());
    m.extended().forEach((k, v) -> ext.put(k, v == 0 ? ext.getOrDefault(k, 0L) : v));
    return new Resources(orElse(m.cpuMillis(), parentMax.cpuMillis()), orElse(m.memoryMiB(), parentMax.memoryMiB()),
        orElse(m.diskMiB(), parentMax.diskMiB()), orElse(m.gpus(), parentMax.gpus()), ext);
  }

  private static long orElse(long v, long fallback) {
    return v == 0 ? fallback : v;
  }

  private static Resources min(Resources a, Resources b) {
    return new Resources(Math.min(a.cpuMillis(), b.cpuMillis()), Math.min(a.memoryMiB(), b.memoryMiB()),
        Math.min(a.diskMiB(), b.diskMiB()), Math.min(a.gpus(), b.gpus()), a.extended());
  }

  public QueueNode root() {
    return root;
  }

  /** The leaf at {@code path}, or null when there is no such leaf. */
  public QueueNode leaf(String path) {
    QueueNode n = byPath.get(path);
    return n != null && n.isLeaf() ? n : null;
  }

  public Collection<QueueNode> all() {
    return byPath.values();
  }

  public long[] total() {
    return total;
  }

  /** Adds ({@code sign} 1) or removes (-1) usage by {@code user} in {@code leaf} and its ancestors. */
  public void charge(QueueNode leaf, String user, long[] need, int sign) {
    long[] byUser = leaf.usedBy(user);
    for (int d = 0; d < need.length; d++) {
      byUser[d] += sign * need[d];
    }
    for (QueueNode q = leaf; q != null; q = q.parent) {
      for (int d = 0; d < need.length; d++) {
        q.used[d] += sign * need[d];
      }
    }
  }

  /**
   * The name of the first queue on the path to the root whose max {@code need} would exceed, or
   * null. A max as large as the cluster is no limit: a full cluster is not a full queue.
   */
  public String overMax(QueueNode leaf, long[] need) {
    for (QueueNode q = leaf; q != null; q = q.parent) {
      for (int d = 0; d < need.length; d++) {
        if (need[d] > 0 && q.max[d] < total[d] && q.used[d] + need[d] > q.max[d]) {
          return q.path;
        }
      }
    }
    return null;
  }

  /** True when {@code user} would pass the leaf's per-user limit with {@code need} more. */
  public boolean overUserLimit(QueueNode leaf, String user, long[] need) {
    long[] u = leaf.usedBy(user);
    for (int d = 0; d < need.length; d++) {
      if (need[d] > 0 && leaf.perUserLimit[d] < total[d] && u[d] + need[d] > leaf.perUserLimit[d]) {
        return true;
      }
    }
    return false;
  }

  /** How far a queue is into its guarantee: below 1 it is owed capacity; infinite without one. */
  public static double guaranteeRatio(QueueNode q) {
    if (Vectors.isZero(q.guarantee)) {
      return Double.POSITIVE_INFINITY;
    }
    double max = 0;
    for (int d = 0; d < q.used.length; d++) {
      if (q.guarantee[d] > 0) {
        max = Math.max(max, (double) q.used[d] / q.guarantee[d]);
      }
    }
    return max;
  }

  /** The dominant share of the cluster this queue uses, divided by its weight. */
  public double weightedDominantShare(QueueNode q) {
    return Vectors.dominantShare(q.used, total) / q.spec.weight();
  }

  /**
   * The most deserving active leaf, walking from the root: at each parent, children below their
   * guarantee come first (lowest ratio first), then the others by weighted dominant share; ties
   * keep declaration order. Null when no leaf has a task to offer.
   */
  public QueueNode next() {
    QueueNode q = root;
    if (!q.active()) {
      return null;
    }
    while (!q.isLeaf()) {
      QueueNode best = null;
      for (QueueNode c : q.children) {
        if (c.active() && (best == null || before(c, best))) {
          best = c;
        }
      }
      q = best;
    }
    return q;
  }

  private boolean before(QueueNode a, QueueNode b) {
    double ga = guaranteeRatio(a);
    double gb = guaranteeRatio(b);
    boolean aOwed = ga < 1;
    boolean bOwed = gb < 1;
    if (aOwed != bOwed) {
      return aOwed;
    }
    if (aOwed) {
      return ga < gb;
    }
    return weightedDominantShare(a) < weightedDominantShare(b);
  }
}

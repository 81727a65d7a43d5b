package dev.weft.model;

import java.util.List;

/**
 * A node of the queue tree. Children share this queue's capacity by {@code guarantee} (served
 * first) and {@code weight} (dominant resource fairness beyond guarantees); a queue may borrow idle
 * capacity up to {@code max}. Leaves order their tasks with {@code policy}.
 *
 * @param name the last segment of the queue path ({@code etl} in {@code root.analytics.etl})
 * @param perUserLimit the most one user may hold in this queue ({@link Share#ALL} for no limit)
 * @param agingPerMinute for {@code priority}: priority points a waiting task gains per minute
 */
public record QueueSpec(String name, Share guarantee, Share max, double weight, PolicyName policy,
                        List<QueueSpec> children, Share perUserLimit, double agingPerMinute) {
  public static final double DEFAULT_AGING_PER_MINUTE = 1.0;

  public QueueSpec {
    guarantee = guarantee == null ? Share.NONE : guarantee;
    max = max == null ? Share.ALL : max;
    weight = weight <= 0 ? 1.0 : weight;
    policy = policy == null ? PolicyName.FCFS : policy;
    children = children == null ? List.of() : List.copyOf(children);
    perUserLimit = perUserLimit == null ? Share.ALL : perUserLimit;
  }

  public static QueueSpec leaf(String name, PolicyName policy) {
    return new QueueSpec(name, Share.NONE, Share.ALL, 1, policy, List.of(), Share.ALL, DEFAULT_AGING_PER_MINUTE);
  }

  public static QueueSpec parent(String name, List<QueueSpec> children) {
    return new QueueSpec(name, Share.NONE, Share.ALL, 1, PolicyName.FCFS, children, Share.ALL, DEFAULT_AGING_PER_MINUTE);
  }

  /** The default tree: {@code root} with one fcfs leaf {@code default}. */
  public static QueueSpec defaultTree(PolicyName policy) {
    return parent("root", List.of(leaf("default", policy)));
  }

  public QueueSpec withGuarantee(Share g) {
    return new QueueSpec(name, g, max, weight, policy, children, perUserLimit, agingPerMinute);
  }

  public QueueSpec withMax(Share m) {
    return new QueueSpec(name, guarantee, m, weight, policy, children, perUserLimit, agingPerMinute);
  }

  public QueueSpec withWeight(double w) {
    return new QueueSpec(name, guarantee, max, w, policy, children, perUserLimit, agingPerMinute);
  }

  public QueueSpec withAging(double perMinute) {
    return new QueueSpec(name, guarantee, max, weight, policy, children, perUserLimit, perMinute);
  }

  public boolean isLeaf() {
    return children.isEmpty();
  }
}

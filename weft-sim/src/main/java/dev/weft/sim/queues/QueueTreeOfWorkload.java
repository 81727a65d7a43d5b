package dev.weft.sim.queues;

import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the queue tree that holds exactly the queue paths a workload uses
 * ({@code root.analytics.etl} gives {@code root -> analytics -> etl}), each leaf with one
 * policy, equal weights, no guarantees and no maximum. A workload that names no queue gets
 * {@link QueueSpec#defaultTree(PolicyName)}.
 */
public final class QueueTreeOfWorkload {
  private QueueTreeOfWorkload() {}

  /**
   * Builds the tree.
   *
   * @throws IllegalArgumentException when a path does not start at {@code root} or a path is both
   *     a leaf and the parent of another path
   */
  public static QueueSpec build(Collection<String> queuePaths, PolicyName policy) {
    if (queuePaths.isEmpty()) {
      return QueueSpec.defaultTree(policy);
    }
    Branch top = new Branch();
    for (String path : queuePaths) {
      String[] parts = path.split("\\.");
      if (!parts[0].equals("root")) {
        throw new IllegalArgumentException("queue '" + path + "' must start with root.");
      }
      top.addPath(List.of(parts));
    }
    return top.children.get("root").toSpec("root", "root", policy);
  }

  /** A node of the tree under construction; a leaf is a branch that holds tasks. */
  private static final class Branch {
    private final Map<String, Branch> children = new TreeMap<>();
    private boolean holdsTasks;

    void addPath(List<String> parts) {
      Branch b = children.computeIfAbsent(parts.get(0), k -> new Branch());
      if (parts.size() == 1) {
        b.holdsTasks = true;
      } else {
        b.addPath(parts.subList(1, parts.size()));
      }
    }

    QueueSpec toSpec(String name, String path, PolicyName policy) {
      if (children.isEmpty()) {
        return QueueSpec.leaf(name, policy);
      }
      if (holdsTasks) {
        throw new IllegalArgumentException("queue '" + path + "' holds tasks but is also the parent of '"
            + path + "." + children.keySet().iterator().next() + "'; tasks go to leaf queues only");
      }
      List<QueueSpec> specs = new ArrayList<>();
      children.forEach((child, b) -> specs.add(b.toSpec(child, path + "." + child, policy)));
      return QueueSpec.parent(name, specs);
    }
  }
}

package dev.weft.sim.queues;

import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** The leaves of a queue tree by dotted path ({@code root.analytics.etl}), with their policies, in tree order. */
public final class QueueLeaves {
  private QueueLeaves() {}

  public static Map<String, PolicyName> of(QueueSpec root) {
    Map<String, PolicyName> out = new LinkedHashMap<>();
    collect(root, root.name(), out);
    return out;
  }

  private static void collect(QueueSpec q, String path, Map<String, PolicyName> out) {
    if (q.isLeaf()) {
      out.put(path, q.policy());
    }
    q.children().forEach(c -> collect(c, path + "." + c.name(), out));
  }
}

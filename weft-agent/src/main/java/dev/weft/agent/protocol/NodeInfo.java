package dev.weft.agent.protocol;

import dev.weft.agent.enforce.Enforcement;
import dev.weft.model.Resources;
import dev.weft.model.TopologyPath;
import java.util.Map;

/**
 * What an agent says about its machine when it joins.
 *
 * @param name the machine's name (the node id it asks for)
 * @param capacity what it offers to tasks (measured by the host probe, maybe overridden)
 * @param labels the operator's labels ({@code --label k=v})
 * @param topology where it sits ({@code --topology eu/zone-a/rack-1})
 * @param enforcement which resource enforcement is active, so the scheduler can tell fenced nodes apart
 */
public record NodeInfo(String name, Resources capacity, Map<String, String> labels, TopologyPath topology,
    Enforcement enforcement) {
  public NodeInfo {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    topology = topology == null ? TopologyPath.DEFAULT : topology;
  }
}

package dev.weft.model.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster file: {@code {nodes: [...], generate: {...}}}, at least one of the two. Generated
 * nodes follow the listed ones; node ids are unique across both. Writing always lists the nodes.
 */
final class ClusterCodec {
  private static final List<String> FIELDS = List.of("nodes", "generate");

  private ClusterCodec() {
  }

  static List<Node> read(Located at) {
    if (!at.expectObject(FIELDS)) {
      return List.of();
    }
    Located listed = at.field("nodes");
    Located generate = at.field("generate");
    if (!listed.isPresent() && !generate.isPresent()) {
      at.problem("missing required field 'nodes' (or 'generate')");
    }
    List<Node> nodes = new ArrayList<>();
    Map<String, String> firstPlace = new HashMap<>();
    for (Located element : listed.elements()) {
      Node node = NodeCodec.read(element);
      if (node != null) {
        addUnique(node, element.field("id"), nodes, firstPlace);
      }
    }
    for (Node node : ClusterGenerator.read(generate)) {
      addUnique(node, generate, nodes, firstPlace);
    }
    return nodes;
  }

  static ObjectNode write(List<Node> nodes) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode list = out.putArray("nodes");
    nodes.forEach(n -> list.add(NodeCodec.write(n)));
    return out;
  }

  private static void addUnique(Node node, Located place, List<Node> nodes, Map<String, String> firstPlace) {
    String first = firstPlace.putIfAbsent(node.id(), place.pointer());
    if (first != null) {
      place.problem("duplicate node id '" + node.id() + "' (first at " + first + ")");
    } else {
      nodes.add(node);
    }
  }
}

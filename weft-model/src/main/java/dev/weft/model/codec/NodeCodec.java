package dev.weft.model.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Node;
import dev.weft.model.Resources;
import dev.weft.model.Taint;
import dev.weft.model.TopologyPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code {id, capacity, labels, taints: [{key, value, effect}], topology: "region/zone/rack"}}. */
final class NodeCodec {
  static final List<String> FIELDS = List.of("id", "capacity", "labels", "taints", "topology");
  private static final List<String> TAINT_FIELDS = List.of("key", "value", "effect");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");
  private static final Choice<Taint.Effect> EFFECT = Choice.of("taint effect",
      "NoSchedule", Taint.Effect.NO_SCHEDULE, "PreferNoSchedule", Taint.Effect.PREFER_NO_SCHEDULE);

  private NodeCodec() {
  }

  /** The node, or null when it has problems (all of them reported). */
  static Node read(Located at) {
    if (!at.expectObject(FIELDS)) {
      return null;
    }
    String id = name(at.require("id"), "node id");
    Located capacityAt = at.require("capacity");
    Resources capacity = ResourcesCodec.read(capacityAt);
    if (!ResourcesCodec.checkNodeGpus(capacityAt, capacity)) {
      capacity = null;
    }
    Map<String, String> labels = at.field("labels").textMap();
    List<Taint> taints = taints(at.field("taints"));
    TopologyPath topology = topology(at.field("topology"));
    return id == null || capacity == null ? null : new Node(id, capacity, labels, taints, topology);
  }

  static ObjectNode write(Node node) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("id", node.id());
    out.set("capacity", ResourcesCodec.write(node.capacity()));
    if (!node.labels().isEmpty()) {
      out.set("labels", Trees.textMap(node.labels()));
    }
    if (!node.taints().isEmpty()) {
      ArrayNode taints = out.putArray("taints");
      for (Taint t : node.taints()) {
        ObjectNode taint = taints.addObject().put("key", t.key());
        if (!t.value().isEmpty()) {
          taint.put("value", t.value());
        }
        taint.put("effect", EFFECT.wire(t.effect()));
      }
    }
    if (!node.topology().equals(TopologyPath.DEFAULT)) {
      out.put("topology", node.topology().toString());
    }
    return out;
  }

  /** A node id or topology segment: letters, digits, '.', '_', '-'; null when bad (reported). */
  static String name(Located at, String what) {
    String text = at.text();
    if (text != null && !NAME.matcher(text).matches()) {
      at.problem("invalid " + what + " " + Shown.node(at.node())
          + " (letters, digits, '.', '_' and '-', starting and ending with a letter or digit)");
      return null;
    }
    return text;
  }

  private static List<Taint> taints(Located at) {
    List<Taint> out = new ArrayList<>();
    for (Located taint : at.elements()) {
      if (taint.expectObject(TAINT_FIELDS)) {
        String key = taint.require("key").text();
        String value = taint.field("value").text();
        Taint.Effect effect = EFFECT.read(taint.field("effect"));
        if (key != null) {
          out.add(new Taint(key, value, effect));
        }
      }
    }
    return out;
  }

  private static TopologyPath topology(Located at) {
    String text = at.text();
    if (text == null) {
      return null;
    }
    String[] parts = text.split("/", -1);
    if (parts.length > 3) {
      at.problem("expected a topology like \"region/zone/rack\" (at most three parts), got " + Shown.node(at.node()));
      return null;
    }
    for (String part : parts) {
      if (!NAME.matcher(part).matches()) {
        at.problem("invalid topology " + Shown.node(at.node()) + ": each of region/zone/rack is letters, digits,"
            + " '.', '_' and '-', starting and ending with a letter or digit");
        return null;
      }
    }
    return TopologyPath.parse(text);
  }
}

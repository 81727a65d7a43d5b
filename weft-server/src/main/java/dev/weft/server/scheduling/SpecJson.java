package dev.weft.server.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Node;
import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.model.TaskSpec;
import dev.weft.model.codec.Format;
import dev.weft.model.codec.SpecCodec;
import dev.weft.store.NewNode;
import dev.weft.store.NewTask;
import dev.weft.store.NodeRecord;
import dev.weft.store.QueueTree;
import dev.weft.store.TaskRecord;
import java.util.Optional;

/**
 * Model values to and from the JSON the store keeps, through the model's own codec, so a stored
 * spec reads back exactly as a spec file would. A stored document that no longer reads is a
 * {@link dev.weft.model.codec.SpecException} naming the row (e.g. {@code task t-1}) and the field.
 */
final class SpecJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SpecJson() {
  }

  /** A task to store under {@code name} (its service or job name, for run-time history). */
  static NewTask newTask(TaskSpec spec, String name) {
    return new NewTask(spec.id(), name, tree(SpecCodec.writeTask(spec, Format.JSON)), spec.queue(), spec.priority());
  }

  /** The stored task's spec, with the store's id and submission time. */
  static TaskSpec task(TaskRecord t) {
    TaskSpec spec = SpecCodec.readTask(t.spec().toString(), "task " + t.id() + ".json");
    return spec.toBuilder().submitMillis(t.submittedAt().toEpochMilli()).build();
  }

  static NewNode newNode(Node node) {
    JsonNode written = tree(SpecCodec.writeNode(node, Format.JSON));
    return new NewNode(node.id(), node.topology().toString(), written.get("capacity"),
        written.has("labels") ? written.get("labels") : MAPPER.createObjectNode(),
        written.has("taints") ? written.get("taints") : MAPPER.createArrayNode());
  }

  static Node node(NodeRecord n) {
    ObjectNode doc = MAPPER.createObjectNode().put("id", n.id());
    doc.set("capacity", n.capacity());
    doc.set("labels", n.labels());
    doc.set("taints", n.taints());
    doc.put("topology", n.topology());
    return SpecCodec.readNode(doc.toString(), "node " + n.id() + ".json");
  }

  static JsonNode queues(QueueSpec root) {
    return tree(SpecCodec.writeQueues(root, Format.JSON));
  }

  /** The stored tree, or the default tree (root with one fcfs leaf {@code default}) before any is applied. */
  static QueueSpec queues(Optional<QueueTree> stored) {
    return stored.map(q -> SpecCodec.readQueues(q.tree().toString(), "queue tree version " + q.version() + ".json"))
        .orElse(QueueSpec.defaultTree(PolicyName.FCFS));
  }

  private static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the model codec wrote unreadable JSON: " + e.getMessage(), e);
    }
  }
}

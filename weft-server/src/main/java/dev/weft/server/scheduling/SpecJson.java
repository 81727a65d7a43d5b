package dev.weft.server.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.model.Node;
import dev.weft.model.PolicyName;
import dev.weft.model.QueueSpec;
import dev.weft.model.Resources;
import dev.weft.model.TaskSpec;
import dev.weft.model.codec.Format;
import dev.weft.model.codec.SpecCodec;
import dev.weft.store.NewNode;
import dev.weft.store.NewTask;
import dev.weft.store.NodeRecord;
import dev.weft.store.QueueTree;
import dev.weft.store.TaskRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** A job's tasks ready to store, and each task's spec as {@link #task} will read it back once stored, by id. */
  record Prepared(List<NewTask> rows, Map<String, TaskSpec> asStored) {}

  /**
   * The tasks of one job to store at {@code submittedAt}, in order, with their specs as stored. A
   * task equal to the previous one written in full but for its id (the copies of an array) takes
   * that one's JSON with its own id, and its spec read back, instead of going through the codec
   * again: the codec writes the id in the {@code id} field only, and {@link #task} reads such copies
   * as one shape under their own ids. The specs as stored are also kept for {@link #task}.
   */
  static Prepared prepare(List<TaskSpec> specs, String name, Instant submittedAt) {
    List<NewTask> rows = new ArrayList<>(specs.size());
    Map<String, TaskSpec> asStored = new LinkedHashMap<>();
    TaskSpec written = null;
    ObjectNode json = null;
    String afterId = null; // the text of the written task after its id: {"id":"..."," + afterId
    TaskSpec readBack = null;
    for (TaskSpec spec : specs) {
      if (written != null && written.equalsButId(spec)) {
        String text = afterId == null ? null
            : "{\"id\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(spec.id())) + "\"," + afterId;
        rows.add(new NewTask(spec.id(), name, json.deepCopy().put("id", spec.id()), spec.queue(), spec.priority(),
            text));
        asStored.put(spec.id(), readBack.withId(spec.id()));
        continue;
      }
      NewTask row = newTask(spec, name);
      readBack = submitted(read(row.spec(), row.id()), submittedAt);
      asStored.put(spec.id(), readBack);
      boolean copyable = row.spec() instanceof ObjectNode o && spec.id().equals(o.path("id").asText(null))
          && o.has("job");
      written = copyable ? spec : null;
      json = copyable ? (ObjectNode) row.spec() : null;
      afterId = null;
      if (copyable) { // its text once; the copies take it with their own id (the codec writes the id first)
        String text = row.spec().toString();
        String idFirst = "{\"id\":" + json.get("id") + ",";
        afterId = text.startsWith(idFirst) ? text.substring(idFirst.length()) : null;
        row = new NewTask(row.id(), name, row.spec(), row.queue(), row.priority(), text);
      }
      rows.add(row);
    }
    Instant stored = Instant.ofEpochMilli(submittedAt.toEpochMilli()); // as the row reads back
    synchronized (BY_TASK) { // the agent's poll reads these rows back soon: their parse is known
      for (NewTask row : rows) {
        BY_TASK.put(row.id(), new Parsed(row.spec(), stored, asStored.get(row.id())));
      }
    }
    return new Prepared(rows, asStored);
  }

  private static TaskSpec submitted(TaskSpec spec, Instant submittedAt) {
    return spec.toBuilder().submitMillis(submittedAt.toEpochMilli()).build();
  }

  /**
   * The stored task's spec, with the store's id and submission time. Reading is pure and a stored
   * spec does not change, so the last {@link #KEPT} read are kept by task (checked against the stored
   * JSON and time, so a row that did change is read again): a scheduler round reads every pending and
   * running task, and would otherwise parse each again every round. Tasks of one array differ only in
   * their id, so the codec reads each shape (the JSON without its id) once and the others take the
   * result under their own id; a spec without a {@code job} (its job is its id) is always read whole.
   */
  static TaskSpec task(TaskRecord t) {
    Parsed kept;
    synchronized (BY_TASK) {
      kept = BY_TASK.get(t.id());
    }
    if (kept != null && kept.submittedAt().equals(t.submittedAt()) && kept.json().equals(t.spec())) {
      return kept.spec();
    }
    TaskSpec spec = submitted(read(t.spec(), t.id()), t.submittedAt());
    synchronized (BY_TASK) {
      BY_TASK.put(t.id(), new Parsed(t.spec(), t.submittedAt(), spec));
    }
    return spec;
  }

  /**
   * The spec of task {@code id} stored at {@code submittedAt} as this server last read or stored it
   * ({@link #task}, {@link #prepare}), or null when it is not kept. A task id is stored once and its
   * spec never changes, so the id and submission time name the row (as {@link SubmittedSpecs} does).
   */
  static TaskSpec kept(String id, Instant submittedAt) {
    Parsed kept;
    synchronized (BY_TASK) {
      kept = BY_TASK.get(id);
    }
    return kept != null && kept.submittedAt().equals(submittedAt) ? kept.spec() : null;
  }

  private static TaskSpec read(JsonNode json, String taskId) {
    if (!(json instanceof ObjectNode o) || !o.path("id").isTextual() || !o.has("job")) {
      return SpecCodec.readTask(json.toString(), "task " + taskId + ".json");
    }
    String id = o.get("id").asText();
    String shape = shape(o);
    TaskSpec sameShape;
    synchronized (BY_SHAPE) {
      sameShape = BY_SHAPE.get(shape);
    }
    if (sameShape == null) {
      sameShape = SpecCodec.readTask(json.toString(), "task " + taskId + ".json");
      synchronized (BY_SHAPE) {
        BY_SHAPE.put(shape, sameShape);
      }
    }
    return sameShape.withId(id);
  }

  /**
   * The task's JSON without its id, as text: the key of its shape. The codec writes the id first,
   * so it is cut from the text rather than from a copy of the tree (the same text either way).
   */
  static String shape(ObjectNode o) {
    String text = o.toString();
    String idFirst = "{\"id\":" + o.get("id").toString() + ",";
    return text.startsWith(idFirst) ? "{" + text.substring(idFirst.length()) : o.deepCopy().without("id").toString();
  }

  private record Parsed(JsonNode json, Instant submittedAt, TaskSpec spec) {}

  static final int KEPT = 50_000;
  private static final Map<String, Parsed> BY_TASK = lru(KEPT);
  private static final Map<String, TaskSpec> BY_SHAPE = lru(1_000);

  private static <V> Map<String, V> lru(int capacity) {
    return new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    };
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

  /** The task as it weighs on its node while suspended: everything but its CPU. */
  static TaskSpec withoutCpu(TaskSpec spec) {
    Resources r = spec.resources();
    return spec.toBuilder().resources(new Resources(0, r.memoryMiB(), r.diskMiB(), r.gpus(), r.extended())).build();
  }
}

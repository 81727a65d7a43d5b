package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.store.InstanceStatus;
import dev.weft.workflow.decide.InstanceState;
import dev.weft.workflow.decide.Outcome;
import java.util.HashMap;
import java.util.Map;

/** The decider's {@link InstanceState} as the JSON snapshot the store keeps, and back. */
final class Snapshots {
  static final ObjectMapper JSON = new ObjectMapper();

  private Snapshots() {}

  static JsonNode write(InstanceState s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("instanceId", s.instanceId());
    n.put("status", s.status().name());
    n.set("input", orNull(s.input()));
    n.set("secrets", orNull(s.secrets()));
    n.put("startedAtMillis", s.startedAtMillis());
    ObjectNode issued = n.putObject("issued");
    s.issued().forEach(issued::put);
    ObjectNode outcomes = n.putObject("outcomes");
    s.outcomes().forEach((id, o) -> {
      ObjectNode on = outcomes.putObject(id);
      on.put("seq", o.seq());
      switch (o) {
        case Outcome.Succeeded ok -> on.set("result", orNull(ok.result()));
        case Outcome.Failed f -> on.set("error", orNull(f.error()));
      }
    });
    n.set("result", orNull(s.result()));
    return n;
  }

  static InstanceState read(JsonNode n) {
    Map<String, Long> issued = new HashMap<>();
    n.path("issued").properties().forEach(e -> issued.put(e.getKey(), e.getValue().asLong()));
    Map<String, Outcome> outcomes = new HashMap<>();
    n.path("outcomes").properties().forEach(e -> {
      JsonNode o = e.getValue();
      long seq = o.path("seq").asLong();
      outcomes.put(e.getKey(), o.has("error")
          ? new Outcome.Failed(seq, o.get("error"))
          : new Outcome.Succeeded(seq, o.get("result")));
    });
    return new InstanceState(n.path("instanceId").asText(),
        InstanceState.Status.valueOf(n.path("status").asText("PENDING")),
        nullable(n.get("input")), nullable(n.get("secrets")), n.path("startedAtMillis").asLong(),
        issued, outcomes, nullable(n.get("result")));
  }

  /** Where the stored instance is: its status, and its output or error once it has ended. */
  static RunResult result(dev.weft.store.Instance inst) {
    JsonNode r = read(inst.snapshot()).result();
    return new RunResult(inst.id(), inst.status(),
        inst.status() == InstanceStatus.COMPLETED ? r : null,
        inst.status() == InstanceStatus.FAILED ? r : null);
  }

  static InstanceStatus storeStatus(InstanceState.Status s) {
    return switch (s) {
      case PENDING -> InstanceStatus.PENDING;
      case RUNNING -> InstanceStatus.RUNNING;
      case COMPLETED -> InstanceStatus.COMPLETED;
      case FAULTED -> InstanceStatus.FAILED;
      case CANCELLED -> InstanceStatus.CANCELLED;
    };
  }

  private static JsonNode orNull(JsonNode n) {
    return n == null ? NullNode.getInstance() : n;
  }

  private static JsonNode nullable(JsonNode n) {
    return n == null || n.isNull() ? null : n;
  }
}

package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.store.InstanceStatus;
import dev.weft.workflow.decide.InstanceState;
import dev.weft.workflow.decide.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decider's {@link InstanceState} as the JSON snapshot the store keeps, and back. Secrets
 * are left out: they are looked up again for each decision ({@link SecretsAtRest}).
 */
final class Snapshots {
  static final ObjectMapper JSON = new ObjectMapper();

  private Snapshots() {}

  static JsonNode write(InstanceState s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("instanceId", s.instanceId());
    n.put("status", s.status().name());
    n.set("input", orNull(s.input()));
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
    ObjectNode reruns = n.putObject("reruns");
    s.reruns().forEach(reruns::put);
    ObjectNode received = n.putObject("received");
    s.received().forEach((id, events) -> {
      var list = received.putArray(id);
      events.forEach(r -> list.addObject().put("seq", r.seq()).put("until", r.until()).set("event", r.event()));
    });
    if (s.failedCommand() != null) {
      n.put("failedCommand", s.failedCommand());
    }
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
    Map<String, Integer> reruns = new HashMap<>();
    n.path("reruns").properties().forEach(e -> reruns.put(e.getKey(), e.getValue().asInt()));
    Map<String, List<InstanceState.Received>> received = new HashMap<>();
    n.path("received").properties().forEach(e -> {
      List<InstanceState.Received> events = new ArrayList<>();
      e.getValue().forEach(r -> events.add(new InstanceState.Received(r.path("seq").asLong(), r.get("event"), r.path("until").asBoolean())));
      received.put(e.getKey(), events);
    });
    return new InstanceState(n.path("instanceId").asText(),
        InstanceState.Status.valueOf(n.path("status").asText("PENDING")),
        nullable(n.get("input")), null, n.path("startedAtMillis").asLong(),
        issued, outcomes, nullable(n.get("result")), reruns, received, n.hasNonNull("failedCommand") ? n.get("failedCommand").asText() : null);
  }

  /** Where the stored instance is: its status, and its output or error once it has ended. */
  static RunResult result(dev.weft.store.Instance inst) {
    return result(inst, dev.weft.server.secrets.SecretMask.none());
  }

  /** As above, with the secrets {@code mask} hid in the stored snapshot put back. */
  static RunResult result(dev.weft.store.Instance inst, dev.weft.server.secrets.SecretMask mask) {
    JsonNode r = mask.reveal(read(inst.snapshot()).result());
    return new RunResult(inst.id(), inst.status(),
        inst.status() == InstanceStatus.COMPLETED ? r : null,
        inst.status() == InstanceStatus.FAILED ? r : null);
  }

  static InstanceStatus storeStatus(InstanceState.Status s) {
    return switch (s) {
      case PENDING -> InstanceStatus.PENDING;
      case RUNNING -> InstanceStatus.RUNNING;
      case SUSPENDED -> InstanceStatus.SUSPENDED;
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

package dev.weft.server.runtime;

import static dev.weft.server.runtime.Snapshots.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.store.CommandId;
import dev.weft.store.NewEvent;
import dev.weft.workflow.decide.Command;
import dev.weft.workflow.decide.Event;

/**
 * Events as journal entries and commands as outbox entries, and back. An outbox entry's payload
 * keeps the decider's own command id ({@code decisionId}); the store's {@link CommandId} is that
 * id split after the instance id, with attempt 0 (the decider's id already counts runs).
 */
final class Journal {
  private Journal() {}

  static NewEvent event(Event e) {
    ObjectNode p = JSON.createObjectNode();
    String type = switch (e) {
      case Event.Started s -> {
        p.set("input", orNull(s.input()));
        yield "Started";
      }
      case Event.CommandCompleted c -> {
        p.put("commandId", c.commandId());
        p.set("result", orNull(c.result()));
        yield "CommandCompleted";
      }
      case Event.CommandFailed f -> {
        p.put("commandId", f.commandId());
        p.set("error", orNull(f.error()));
        yield "CommandFailed";
      }
      case Event.TimerFired t -> {
        p.put("timerId", t.timerId());
        yield "TimerFired";
      }
      case Event.Cancelled c -> {
        p.put("reason", c.reason());
        yield "Cancelled";
      }
      case Event.Suspended s -> {
        p.put("reason", s.reason());
        yield "Suspended";
      }
      case Event.Resumed r -> "Resumed";
      case Event.RetryRequested r -> "RetryRequested";
      case Event.EventReceived r -> {
        p.set("event", orNull(r.event()));
        yield "EventReceived";
      }
    };
    return new NewEvent(type, p);
  }

  static CommandId storeId(String instanceId, String decisionId) {
    String rest = decisionId.startsWith(instanceId) ? decisionId.substring(instanceId.length()) : decisionId;
    return new CommandId(instanceId, rest, 0);
  }

  static dev.weft.store.Command outbox(String instanceId, Command c) {
    ObjectNode p = JSON.createObjectNode();
    p.put("decisionId", c.id());
    switch (c) {
      case Command.CallHttp h -> p.put("step", h.step()).set("with", orNull(h.with()));
      case Command.CallOpenApi o -> p.put("step", o.step()).set("with", orNull(o.with()));
      case Command.CallMcp m -> p.put("step", m.step()).set("with", orNull(m.with()));
      case Command.CallA2a a -> p.put("step", a.step()).set("with", orNull(a.with()));
      case Command.CallService s -> {
        p.put("step", s.step()).put("service", s.service());
        p.set("with", orNull(s.with()));
      }
      case Command.RunShell r -> p.put("step", r.step()).set("shell", orNull(r.shell()));
      case Command.RunScript r -> p.put("step", r.step()).set("script", orNull(r.script()));
      case Command.RunWorkflow w -> {
        p.put("step", w.step()).set("workflow", orNull(w.workflow()));
        p.set("input", orNull(w.input()));
      }
      case Command.StartTimer t -> p.put("step", t.step()).put("fireAtMillis", t.fireAtMillis());
      case Command.Emit e -> p.put("step", e.step()).set("event", orNull(e.event()));
      case Command.Listen l -> p.put("step", l.step()).set("to", orNull(l.to()));
      case Command.Complete done -> throw new IllegalArgumentException("Complete is not an outbox command");
      case Command.Fail fail -> throw new IllegalArgumentException("Fail is not an outbox command");
    }
    return new dev.weft.store.Command(storeId(instanceId, c.id()), c.getClass().getSimpleName(), p);
  }

  /** The decider's command back from an outbox entry. */
  static Command command(String type, JsonNode p) {
    String id = p.path("decisionId").asText();
    String step = p.path("step").asText();
    return switch (type) {
      case "CallHttp" -> new Command.CallHttp(id, step, p.get("with"));
      case "CallOpenApi" -> new Command.CallOpenApi(id, step, p.get("with"));
      case "CallMcp" -> new Command.CallMcp(id, step, p.get("with"));
      case "CallA2a" -> new Command.CallA2a(id, step, p.get("with"));
      case "CallService" -> new Command.CallService(id, step, p.path("service").asText(), p.get("with"));
      case "RunShell" -> new Command.RunShell(id, step, p.get("shell"));
      case "RunScript" -> new Command.RunScript(id, step, p.get("script"));
      case "RunWorkflow" -> new Command.RunWorkflow(id, step, p.get("workflow"), p.get("input"));
      case "StartTimer" -> new Command.StartTimer(id, step, p.path("fireAtMillis").asLong());
      case "Emit" -> new Command.Emit(id, step, p.get("event"));
      case "Listen" -> new Command.Listen(id, step, p.get("to"));
      default -> throw new IllegalArgumentException("unknown outbox command type " + type);
    };
  }

  private static JsonNode orNull(JsonNode n) {
    return n == null ? NullNode.getInstance() : n;
  }
}

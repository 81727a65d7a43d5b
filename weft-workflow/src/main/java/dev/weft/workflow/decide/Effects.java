package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.workflow.expr.Expressions;
import dev.weft.workflow.expr.UriTemplate;
import dev.weft.workflow.plan.Step;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The steps that become commands: calls and runs. Their arguments are evaluated only when the command is issued. */
final class Effects {
  /** Call protocols the reader accepts but the decider does not carry out yet. */
  private static final Set<String> NOT_YET = Set.of("grpc", "asyncapi");

  private Effects() {}

  static Flow call(Replay replay, Step.Call call, JsonNode input, Map<String, JsonNode> vars) {
    String at = call.common().pointer();
    if (NOT_YET.contains(call.function())) {
      return new Flow.Raised(Errors.of("runtime", 501, "Not supported",
          "call: " + call.function() + " is validated but not carried out by Weft yet", at));
    }
    return switch (call.function()) {
      case "http", "openapi" -> callEndpoint(replay, call, input, vars);
      case "mcp" -> callMcp(replay, call, input, vars);
      case "a2a" -> callA2a(replay, call, input, vars);
      default -> replay.await(at, id -> new Command.CallService(id, at, call.function(),
          Expressions.evaluateTemplate(call.with(), input, vars)), r -> r);
    };
  }

  /**
   * {@code call: http} and {@code call: openapi}. A reference to an authentication policy the
   * document does not define, or an openapi call without {@code document.endpoint}, faults at
   * once; otherwise the command carries {@link #arguments}.
   */
  private static Flow callEndpoint(Replay replay, Step.Call call, JsonNode input, Map<String, JsonNode> vars) {
    String at = call.common().pointer();
    boolean http = call.function().equals("http");
    if (!(call.with() instanceof ObjectNode)) {
      return new Flow.Raised(Errors.of("configuration", 400, "Bad call", "call: " + call.function() + " needs a 'with' object", at));
    }
    JsonNode auth = http ? call.with().path("endpoint").path("authentication") : call.with().path("authentication");
    Flow unknown = unknownAuthentication(replay, auth, at + "/with");
    if (unknown != null) {
      return unknown;
    }
    JsonNode documentEndpoint = call.with().path("document").path("endpoint");
    if (!http && !documentEndpoint.isTextual() && !documentEndpoint.path("uri").isTextual()) {
      return new Flow.Raised(Errors.of("configuration", 400, "Bad call", "with.document.endpoint is missing", at + "/with/document"));
    }
    return replay.await(at, id -> http ? new Command.CallHttp(id, at, arguments(replay, call, input, vars))
        : new Command.CallOpenApi(id, at, arguments(replay, call, input, vars)), r -> r);
  }

  /** {@code call: mcp}: an unknown authentication policy faults at once, as for http. */
  private static Flow callMcp(Replay replay, Step.Call call, JsonNode input, Map<String, JsonNode> vars) {
    String at = call.common().pointer();
    if (!(call.with() instanceof ObjectNode)) {
      return new Flow.Raised(Errors.of("configuration", 400, "Bad call", "call: mcp needs a 'with' object", at));
    }
    String endpointAt = "/transport/http/endpoint";
    Flow unknown = unknownAuthentication(replay, call.with().at(endpointAt).path("authentication"), at + "/with" + endpointAt);
    if (unknown != null) {
      return unknown;
    }
    return replay.await(at, id -> {
      ObjectNode with = (ObjectNode) Expressions.evaluateTemplate(call.with(), input, vars).deepCopy();
      if (with.at(endpointAt) instanceof ObjectNode endpoint) {
        resolveAuthentication(replay, endpoint, input, vars);
      }
      return new Command.CallMcp(id, at, with);
    }, r -> r);
  }

  /**
   * {@code call: a2a}. Neither {@code agentCard} nor {@code server}, or a reference to an
   * authentication policy the document does not define, faults at once; otherwise the command
   * carries {@code with} evaluated, the {@code authentication: {use: name}} of
   * {@code agentCard.endpoint} and {@code server} replaced by the policy (evaluated).
   */
  private static Flow callA2a(Replay replay, Step.Call call, JsonNode input, Map<String, JsonNode> vars) {
    String at = call.common().pointer();
    JsonNode with = call.with();
    if (!(with instanceof ObjectNode)) {
      return new Flow.Raised(Errors.of("configuration", 400, "Bad call", "call: a2a needs a 'with' object", at));
    }
    if (!with.has("agentCard") && !with.has("server")) {
      return new Flow.Raised(Errors.of("configuration", 400, "Bad call",
          "call: a2a needs with.agentCard (or, without a card, with.server)", at + "/with/agentCard"));
    }
    for (String holder : List.of("/agentCard/endpoint", "/server")) {
      Flow unknown = unknownAuthentication(replay, with.at(holder).path("authentication"), at + "/with" + holder);
      if (unknown != null) {
        return unknown;
      }
    }
    return replay.await(at, id -> {
      ObjectNode args = (ObjectNode) Expressions.evaluateTemplate(with, input, vars).deepCopy();
      if (args.path("agentCard").get("endpoint") instanceof ObjectNode endpoint) {
        resolveAuthentication(replay, endpoint, input, vars);
      }
      if (args.get("server") instanceof ObjectNode server) {
        resolveAuthentication(replay, server, input, vars);
      }
      return new Command.CallA2a(id, at, args);
    }, r -> r);
  }

  /** A configuration fault when {@code auth} is {@code {use: name}} and the document defines no such policy, else null. */
  private static Flow unknownAuthentication(Replay replay, JsonNode auth, String pointer) {
    if (auth.has("use") && replay.document().path("use").path("authentications").path(auth.path("use").asText()).isMissingNode()) {
      return new Flow.Raised(Errors.of("configuration", 400, "Unknown authentication",
          "use.authentications has no policy named '" + auth.path("use").asText() + "'", pointer));
    }
    return null;
  }

  /** The holder's {@code authentication: {use: name}} replaced by {@code use.authentications.name}, evaluated. */
  private static void resolveAuthentication(Replay replay, ObjectNode holder, JsonNode input, Map<String, JsonNode> vars) {
    if (holder.path("authentication").has("use")) {
      JsonNode policy = replay.document().path("use").path("authentications").path(holder.path("authentication").path("use").asText());
      holder.set("authentication", Expressions.evaluateTemplate(policy, input, vars));
    }
  }

  /**
   * {@code with} evaluated, an http endpoint's URI template expanded against the task input, and
   * an {@code authentication: {use: name}} replaced by {@code use.authentications.name} of the
   * document (evaluated the same way).
   */
  private static ObjectNode arguments(Replay replay, Step.Call call, JsonNode input, Map<String, JsonNode> vars) {
    boolean http = call.function().equals("http");
    // a copy: an expression may have returned a part of the input, which must not change
    ObjectNode with = (ObjectNode) Expressions.evaluateTemplate(call.with(), input, vars).deepCopy();
    if (http && !writtenAsExpression(call.with().path("endpoint"))) {
      expandEndpoint(with, input);
    }
    ObjectNode authHolder = !http ? with : with.get("endpoint") instanceof ObjectNode e ? e : null;
    if (authHolder != null) {
      resolveAuthentication(replay, authHolder, input, vars);
    }
    return with;
  }

  /** An endpoint given by an expression is a URI once evaluated, not a template. */
  private static boolean writtenAsExpression(JsonNode endpoint) {
    JsonNode uri = endpoint.isTextual() ? endpoint : endpoint.path("uri");
    return uri.isTextual() && Expressions.isExpression(uri.asText());
  }

  private static void expandEndpoint(ObjectNode with, JsonNode input) {
    JsonNode endpoint = with.path("endpoint");
    if (endpoint.isTextual()) {
      with.put("endpoint", UriTemplate.expand(endpoint.asText(), input));
    } else if (endpoint instanceof ObjectNode e && e.path("uri").isTextual()) {
      e.put("uri", UriTemplate.expand(e.get("uri").asText(), input));
    }
  }

  /** The process spec with the step's {@code run.return} in it (absent: stdout), so the runtime knows what the result is. */
  private static JsonNode returning(Step.Run run, JsonNode process) {
    JsonNode mode = run.spec().get("return");
    if (mode == null || !mode.isTextual() || !(process instanceof ObjectNode o)) {
      return process;
    }
    ObjectNode copy = o.deepCopy();
    copy.put("return", mode.asText());
    return copy;
  }

  /** A script's {@code arguments}, {@code environment} and {@code stdin} evaluated; its code is never read as an expression. */
  private static JsonNode script(JsonNode spec, JsonNode input, Map<String, JsonNode> vars) {
    ObjectNode out = spec.deepCopy();
    for (String field : List.of("arguments", "environment", "stdin")) {
      if (spec.has(field)) {
        out.set(field, Expressions.evaluateTemplate(spec.get(field), input, vars));
      }
    }
    return out;
  }

  static Flow run(Replay replay, Step.Run run, JsonNode input, Map<String, JsonNode> vars) {
    String at = run.common().pointer();
    return switch (run.kind()) {
      case "shell" -> replay.await(at, id -> new Command.RunShell(id, at,
          returning(run, Expressions.evaluateTemplate(run.spec().get("shell"), input, vars))), r -> r);
      case "script" -> replay.await(at, id -> new Command.RunScript(id, at,
          returning(run, script(run.spec().get("script"), input, vars))), r -> r);
      case "workflow" -> replay.await(at, id -> {
        JsonNode spec = Expressions.evaluateTemplate(run.spec().get("workflow"), input, vars);
        return new Command.RunWorkflow(id, at, spec, spec.has("input") ? spec.get("input") : input);
      }, r -> r);
      default -> new Flow.Raised(Errors.of("runtime", 501, "Not supported",
          "not supported: no " + run.kind() + " runtime configured (run: " + run.kind() + ")", at));
    };
  }
}

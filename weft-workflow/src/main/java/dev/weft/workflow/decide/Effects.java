package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.workflow.expr.Expressions;
import dev.weft.workflow.plan.Step;
import java.util.Map;
import java.util.Set;

/** The steps that become commands: calls and runs. Their arguments are evaluated only when the command is issued. */
final class Effects {
  /** Call protocols the reader accepts but the decider does not carry out yet. */
  private static final Set<String> NOT_YET = Set.of("grpc", "openapi", "asyncapi", "a2a");

  private Effects() {}

  static Flow call(Replay replay, Step.Call call, JsonNode input, Map<String, JsonNode> vars) {
    String at = call.common().pointer();
    if (NOT_YET.contains(call.function())) {
      return new Flow.Raised(Errors.of("runtime", 501, "Not supported",
          "call: " + call.function() + " is validated but not carried out by Weft yet", at));
    }
    if (call.function().equals("http")) {
      return replay.await(at, id -> new Command.CallHttp(id, at, Expressions.evaluateTemplate(call.with(), input, vars)), r -> r);
    }
    return replay.await(at, id -> new Command.CallService(id, at, call.function(),
        Expressions.evaluateTemplate(call.with(), input, vars)), r -> r);
  }

  static Flow run(Replay replay, Step.Run run, JsonNode input, Map<String, JsonNode> vars) {
    String at = run.common().pointer();
    return switch (run.kind()) {
      case "shell" -> replay.await(at, id -> new Command.RunShell(id, at,
          Expressions.evaluateTemplate(run.spec().get("shell"), input, vars)), r -> r);
      case "workflow" -> replay.await(at, id -> {
        JsonNode spec = Expressions.evaluateTemplate(run.spec().get("workflow"), input, vars);
        return new Command.RunWorkflow(id, at, spec, spec.has("input") ? spec.get("input") : input);
      }, r -> r);
      default -> new Flow.Raised(Errors.of("runtime", 501, "Not supported",
          "not supported: no " + run.kind() + " runtime configured (run: " + run.kind() + ")", at));
    };
  }
}

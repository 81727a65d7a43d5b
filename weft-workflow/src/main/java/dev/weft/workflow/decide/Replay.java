package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.workflow.expr.ExpressionException;
import dev.weft.workflow.expr.Expressions;
import dev.weft.workflow.plan.Plan;
import dev.weft.workflow.plan.Step;
import dev.weft.workflow.plan.TaskList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One replay of a plan against an instance's recorded outcomes. Single use. Collects the
 * commands whose outcome is still missing. Data flow per task: {@code input.from}, the
 * {@code if} guard, the task, {@code output.as}, then {@code export.as} into {@code $context}.
 */
final class Replay {
  /** Steps one decision may run; a loop of pure steps without a wait would otherwise never end. */
  static final int STEP_BUDGET = 100_000;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Plan plan;
  private final InstanceState state;
  private final long now;
  static final String RERUN = "/rerun/";
  private final List<Command> pending = new ArrayList<>();
  private final List<OpenListen> openListens = new ArrayList<>();
  private final Map<String, Integer> runs = new HashMap<>();
  private final List<String> ran = new ArrayList<>();
  private final ObjectNode workflowVar;
  private final ObjectNode runtimeVar;
  /** Only the secrets the document declares in {@code use.secrets}. */
  private final ObjectNode secretsVar;
  private final ControlSteps control;
  private JsonNode context = JSON.objectNode();
  private long seq;
  private int budget = STEP_BUDGET;
  /** The earliest issue time of a command met since the innermost open {@link #openWindow() window}; MAX_VALUE for none. */
  private long earliestIssued = Long.MAX_VALUE;

  Replay(Plan plan, InstanceState state, long now) {
    this.plan = plan;
    this.state = state;
    this.now = now;
    workflowVar = JSON.objectNode();
    workflowVar.put("id", state.instanceId());
    workflowVar.set("definition", plan.document());
    workflowVar.set("input", state.input());
    workflowVar.putObject("startedAt").put("epochMillis", state.startedAtMillis());
    runtimeVar = JSON.objectNode().put("name", "weft").put("version", "0.1.0");
    secretsVar = JSON.objectNode();
    for (String name : plan.declaredSecrets()) {
      if (state.secrets() != null && state.secrets().has(name)) {
        secretsVar.set(name, state.secrets().get(name));
      }
    }
    control = new ControlSteps(this);
  }

  List<Command> pending() {
    return pending;
  }

  /** The pointers of the tasks this replay started (guard passed), in the order it started them. */
  List<String> ran() {
    return List.copyOf(ran);
  }

  /** The workflow document (for {@code use.authentications} and other named definitions). */
  JsonNode document() {
    return plan.document();
  }

  Flow runWorkflow() {
    try {
      Flow.Raised invalid = DataChecks.check(plan.schemas().input(), state.input(), "input", "/");
      if (invalid != null) {
        return invalid;
      }
      JsonNode input = plan.inputFrom() == null ? state.input()
          : Expressions.evaluateFilter(plan.inputFrom(), state.input(), vars(Map.of(), state.input(), null, JSON.objectNode()));
      JsonNode in = input;
      Flow flow = raceTimeout("", plan.timeoutMillis(), () -> runList(plan.body(), in, Map.of()));
      JsonNode out = switch (flow) {
        case Flow.Done d -> d.output();
        case Flow.End e -> e.output();
        default -> null;
      };
      if (out == null) {
        return flow;
      }
      JsonNode result = plan.outputAs() == null ? out
          : Expressions.evaluateFilter(plan.outputAs(), out, vars(Map.of(), input, out, JSON.objectNode()));
      invalid = DataChecks.check(plan.schemas().output(), result, "output", "/");
      return invalid != null ? invalid : new Flow.Done(result, null);
    } catch (ExpressionException e) {
      return new Flow.Raised(expressionError(e, "/"));
    }
  }

  Flow runList(TaskList list, JsonNode input, Map<String, JsonNode> scope) {
    JsonNode current = input;
    int i = 0;
    while (i < list.steps().size()) {
      if (--budget < 0) {
        return new Flow.Raised(Errors.of("runtime", 500, "Step budget exceeded",
            "more than " + STEP_BUDGET + " steps in one decision: a loop without a wait or call?", list.pointer()));
      }
      Step step = list.steps().get(i);
      Flow flow = runStep(step, current, scope);
      if (!(flow instanceof Flow.Done done)) {
        return flow;
      }
      current = done.output();
      String then = done.then() != null ? done.then() : step.common().then();
      if (then == null || then.equals("continue")) {
        i++;
      } else if (then.equals("exit")) {
        return new Flow.Done(current, null);
      } else if (then.equals("end")) {
        return new Flow.End(current);
      } else {
        i = list.indexOf(then);
        if (i < 0) {
          return new Flow.Raised(Errors.of("configuration", 400, "Unknown flow directive",
              "'then' names no task of this list: " + then, step.common().pointer() + "/then"));
        }
      }
    }
    return new Flow.Done(current, null);
  }

  Flow runStep(Step step, JsonNode rawInput, Map<String, JsonNode> scope) {
    Step.Common c = step.common();
    try {
      JsonNode input = c.inputFrom() == null ? rawInput
          : Expressions.evaluateFilter(c.inputFrom(), rawInput, vars(scope, rawInput, null, taskVar(c, rawInput)));
      ObjectNode task = taskVar(c, input);
      if (c.guard() != null && !Expressions.truthy(Expressions.evaluate(c.guard(), input, vars(scope, input, null, task)))) {
        return new Flow.Done(rawInput, "continue");
      }
      ran.add(c.pointer());
      Flow.Raised invalid = DataChecks.check(c.schemas().input(), rawInput, "input", c.pointer());
      if (invalid != null) {
        return invalid;
      }
      Flow flow = raceTimeout(c.pointer(), c.timeoutMillis(), () -> execute(step, input, scope, task));
      if (!(flow instanceof Flow.Done done)) {
        return flow;
      }
      JsonNode out = c.outputAs() == null ? done.output()
          : Expressions.evaluateFilter(c.outputAs(), done.output(), vars(scope, input, done.output(), task));
      invalid = DataChecks.check(c.schemas().output(), out, "output", c.pointer());
      if (invalid != null) {
        return invalid;
      }
      if (c.exportAs() != null) {
        context = Expressions.evaluateFilter(c.exportAs(), out, vars(scope, input, out, task));
      }
      invalid = DataChecks.check(c.schemas().export(), context, "export", c.pointer());
      if (invalid != null) {
        return invalid;
      }
      return new Flow.Done(out, done.then());
    } catch (ExpressionException e) {
      return new Flow.Raised(expressionError(e, c.pointer()));
    }
  }

  private Flow execute(Step step, JsonNode input, Map<String, JsonNode> scope, ObjectNode task) {
    Map<String, JsonNode> vars = vars(scope, input, null, task);
    String at = step.common().pointer();
    return switch (step) {
      case Step.Do d -> asDone(runList(d.body(), input, scope));
      case Step.Set s -> new Flow.Done(Expressions.evaluateTemplate(s.value(), input, vars), null);
      case Step.Switch s -> control.choose(s, input, vars);
      case Step.For f -> control.loop(f, input, scope, task);
      case Step.Try t -> control.attempt(t, input, scope);
      case Step.Fork f -> control.fork(f, input, scope);
      case Step.Raise r -> new Flow.Raised(Errors.withInstance(Expressions.evaluateTemplate(r.error(), input, vars), at));
      case Step.Call call -> Effects.call(this, call, input, vars);
      case Step.Run run -> Effects.run(this, run, input, vars);
      case Step.Wait w -> await(at, id -> new Command.StartTimer(id, at, issuedAt(id) + w.millis()), r -> input);
      case Step.Emit e -> await(at, id -> new Command.Emit(id, at, Expressions.evaluateTemplate(e.event().path("with"), input, vars)),
          r -> r.isNull() ? input : r);
      case Step.Listen l -> ListenStep.run(this, l, input, scope, task);
    };
  }

  /**
   * Runs {@code body} against a timer of {@code millis} (none when 0). The timer is started when
   * the body first blocks (its id is the pointer plus {@code /timeout@n}); when it has fired and
   * the body is still blocked, or finished on an outcome that arrived after it, the body's pending
   * commands are dropped and the spec's timeout error (408) is raised at {@code pointer}.
   */
  private Flow raceTimeout(String pointer, long millis, java.util.function.Supplier<Flow> body) {
    if (millis <= 0) {
      return body.get();
    }
    String timerId = nextId(pointer + "/timeout");
    Outcome fired = state.outcomes().get(timerId);
    int mark = pending.size();
    long outer = seq;
    seq = 0;
    Flow flow = body.get();
    long inner = seq;
    seq = Math.max(outer, inner);
    if (fired != null && (flow instanceof Flow.Blocked || inner > fired.seq())) {
      pending.subList(mark, pending.size()).clear();
      seq = Math.max(outer, fired.seq());
      return new Flow.Raised(Errors.of("timeout", 408, "Timeout",
          "did not finish within " + java.time.Duration.ofMillis(millis), pointer.isEmpty() ? "/" : pointer));
    }
    if (flow instanceof Flow.Blocked) {
      pending.add(new Command.StartTimer(timerId, pointer.isEmpty() ? "/" : pointer,
          state.issued().getOrDefault(timerId, now) + millis));
    }
    return flow;
  }

  private static Flow asDone(Flow flow) {
    return flow instanceof Flow.Done d ? new Flow.Done(d.output(), null) : flow;
  }

  /**
   * A side effect of the step at {@code pointer}: yields its recorded outcome, or records the
   * command (built only when needed) as pending and blocks.
   */
  Flow await(String pointer, Function<String, Command> command, UnaryOperator<JsonNode> onResult) {
    String id = rerunId(nextId(pointer));
    issuedAt(id);
    Outcome outcome = state.outcomes().get(id);
    if (outcome == null) {
      pending.add(command.apply(id));
      return new Flow.Blocked();
    }
    seq = Math.max(seq, outcome.seq());
    return switch (outcome) {
      case Outcome.Succeeded s -> new Flow.Done(onResult.apply(s.result()), null);
      case Outcome.Failed f -> new Flow.Raised(Errors.withInstance(f.error(), pointer), id);
    };
  }

  /** The id a step run's command has now: its first id, or that id plus {@code /rerun/n} after n retries from the failed step. */
  String rerunId(String firstId) {
    Integer n = state.reruns().get(firstId);
    return n == null ? firstId : firstId + RERUN + n;
  }

  /** The first id of a command id (without its {@code /rerun/n}). */
  static String firstId(String commandId) {
    int at = commandId.lastIndexOf(RERUN);
    return at < 0 ? commandId : commandId.substring(0, at);
  }

  /** A listen still waiting for events in this replay, in the order the replay met them. */
  record OpenListen(String id, ListenStrategy strategy) {}

  void listening(OpenListen open) {
    openListens.add(open);
  }

  List<OpenListen> openListens() {
    return openListens;
  }

  /** The id of the next run of the step: instance id, pointer, and the how-many-th run in this instance. */
  String nextId(String pointer) {
    return state.instanceId() + pointer + "@" + runs.merge(pointer, 1, Integer::sum);
  }

  Map<String, JsonNode> vars(Map<String, JsonNode> scope, JsonNode input, JsonNode output, ObjectNode task) {
    Map<String, JsonNode> vars = new HashMap<>();
    vars.put("context", context);
    vars.put("input", input);
    vars.put("output", output == null ? JSON.nullNode() : output);
    vars.put("task", task);
    vars.put("workflow", workflowVar);
    vars.put("runtime", runtimeVar);
    vars.put("secrets", secretsVar);
    vars.putAll(scope);
    return vars;
  }

  private static ObjectNode taskVar(Step.Common c, JsonNode input) {
    ObjectNode task = JSON.objectNode();
    task.put("name", c.name());
    task.put("reference", c.pointer());
    task.set("input", input);
    return task;
  }

  static JsonNode expressionError(ExpressionException e, String pointer) {
    return Errors.of("expression", 400, "Expression error", e.getMessage() + " (in " + e.expression() + ")", pointer);
  }

  /**
   * When the command was first issued, or now when it is about to be; counted in the open
   * window, so a {@code try} knows when each of its attempts started.
   */
  long issuedAt(String commandId) {
    long at = state.issued().getOrDefault(commandId, now);
    earliestIssued = Math.min(earliestIssued, at);
    return at;
  }

  /** Opens a window for the issue times of the commands met from now on; returns the outer window's mark for {@link #closeWindow}. */
  long openWindow() {
    long outer = earliestIssued;
    earliestIssued = Long.MAX_VALUE;
    return outer;
  }

  /** Closes the window: the earliest issue time met in it ({@code Long.MAX_VALUE} for none), which also counts in the outer one. */
  long closeWindow(long outer) {
    long inner = earliestIssued;
    earliestIssued = Math.min(outer, inner);
    return inner;
  }

  // State shared with ControlSteps: the recorded outcomes, the issue times, the latest outcome consumed.
  InstanceState state() {
    return state;
  }

  long now() {
    return now;
  }

  long seq() {
    return seq;
  }

  void seq(long value) {
    seq = value;
  }

  int pendingMark() {
    return pending.size();
  }

  void pendingAdd(Command command) {
    pending.add(command);
  }

  void dropPendingSince(int mark) {
    pending.subList(mark, pending.size()).clear();
  }
}

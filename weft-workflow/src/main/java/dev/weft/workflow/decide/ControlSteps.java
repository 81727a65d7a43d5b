package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.workflow.expr.Expressions;
import dev.weft.workflow.plan.RetryPolicy;
import dev.weft.workflow.plan.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The steps that steer: {@code switch}, {@code for}, {@code try}/{@code catch} with retry, {@code fork}. */
final class ControlSteps {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final Replay replay;

  ControlSteps(Replay replay) {
    this.replay = replay;
  }

  /**
   * The first case whose {@code when} holds (a case without one always holds) gives the
   * directive; when none holds, the switch task's own {@code then} applies.
   */
  Flow choose(Step.Switch s, JsonNode input, Map<String, JsonNode> vars) {
    for (Step.Switch.Case c : s.cases()) {
      if (c.when() == null || Expressions.truthy(Expressions.evaluate(c.when(), input, vars))) {
        return new Flow.Done(input, c.then() == null ? "continue" : c.then());
      }
    }
    return new Flow.Done(input, null);
  }

  /** Runs the body once per item while {@code while} holds; each iteration's output is the next one's input. */
  Flow loop(Step.For f, JsonNode input, Map<String, JsonNode> scope, ObjectNode task) {
    JsonNode items = Expressions.evaluate(f.in(), input, replay.vars(scope, input, null, task));
    if (items.isNull()) {
      return new Flow.Done(input, null);
    }
    if (!items.isArray()) {
      return new Flow.Raised(Errors.of("expression", 400, "Not a list", "for.in must give an array, got " + items.getNodeType(),
          f.common().pointer() + "/for/in"));
    }
    JsonNode current = input;
    for (int i = 0; i < items.size(); i++) {
      Map<String, JsonNode> inner = new HashMap<>(scope);
      inner.put(f.each(), items.get(i));
      inner.put(f.at(), JSON.numberNode(i));
      if (f.whileExpr() != null
          && !Expressions.truthy(Expressions.evaluate(f.whileExpr(), current, replay.vars(inner, current, null, task)))) {
        break;
      }
      Flow flow = replay.runList(f.body(), current, Map.copyOf(inner));
      if (!(flow instanceof Flow.Done d)) {
        return flow;
      }
      current = d.output();
    }
    return new Flow.Done(current, null);
  }

  /**
   * Runs the body; an error the catch matches is retried while the policy allows (each retry
   * waits for a timer whose id is the try's run id plus {@code /retry/n}). An error not retried
   * goes to {@code catch.do}, or is swallowed (the try's input becomes its output); one whose
   * retries ran out goes to {@code catch.do}, or escapes (the DSL does not say; swallowing
   * it would hide the failure).
   */
  Flow attempt(Step.Try t, JsonNode input, Map<String, JsonNode> scope) {
    String base = replay.nextId(t.common().pointer());
    Step.Catch h = t.handler();
    long firstStart = 0;
    for (int attempt = 1; ; attempt++) {
      long outer = replay.openWindow();
      Flow flow = replay.runList(t.body(), input, scope);
      long firstIssued = replay.closeWindow(outer);
      if (!(flow instanceof Flow.Raised raised)) {
        return flow instanceof Flow.Done d ? new Flow.Done(d.output(), null) : flow;
      }
      Map<String, JsonNode> withError = new HashMap<>(scope);
      withError.put(h.as(), raised.error());
      if (!catches(h, raised.error(), input, withError)) {
        return raised;
      }
      RetryPolicy p = h.retry();
      boolean retries = p != null && holds(p.when(), p.exceptWhen(), input, withError);
      String timerId = base + "/retry/" + attempt;
      // when the failure was first seen: the retry timer's issue time once it is issued, so later replays agree
      long failedAt = replay.state().issued().getOrDefault(timerId, replay.now());
      long started = Math.min(firstIssued, failedAt);
      firstStart = attempt == 1 ? started : firstStart;
      if (retries && !withinLimits(p, attempt, started, failedAt, firstStart, timerId)) {
        return h.body() == null ? raised : asDone(replay.runList(h.body(), input, Map.copyOf(withError)));
      }
      if (retries) {
        Outcome fired = replay.state().outcomes().get(timerId);
        if (fired == null) {
          long issuedAt = replay.issuedAt(timerId);
          replay.pendingAdd(new Command.StartTimer(timerId, t.common().pointer(), issuedAt + Jitter.delay(p, attempt, timerId)));
          return new Flow.Blocked();
        }
        replay.issuedAt(timerId);
        replay.seq(Math.max(replay.seq(), fired.seq()));
        continue;
      }
      if (h.body() == null) {
        return new Flow.Done(input, null);
      }
      return asDone(replay.runList(h.body(), input, Map.copyOf(withError)));
    }
  }

  /**
   * Whether attempt number {@code attempt}, which started at {@code started} and failed at
   * {@code failedAt}, may be retried: fewer than {@code limit.attempt.count} attempts so far, the
   * attempt took no longer than {@code limit.attempt.duration}, and the retry (after its delay)
   * would start within {@code limit.duration} of the first attempt's start. An attempt starts
   * when its first command is issued, or, when it issued none, when it failed.
   */
  private static boolean withinLimits(RetryPolicy p, int attempt, long started, long failedAt, long firstStart, String timerId) {
    if (p.maxAttempts() != 0 && attempt >= p.maxAttempts()) {
      return false;
    }
    if (p.attemptLimitMillis() > 0 && failedAt - started > p.attemptLimitMillis()) {
      return false;
    }
    return p.limitMillis() <= 0 || failedAt + Jitter.delay(p, attempt, timerId) - firstStart <= p.limitMillis();
  }

  private static Flow asDone(Flow flow) {
    return flow instanceof Flow.Done d ? new Flow.Done(d.output(), null) : flow;
  }

  private boolean catches(Step.Catch h, JsonNode error, JsonNode input, Map<String, JsonNode> scope) {
    if (h.errorFilter() != null) {
      var fields = h.errorFilter().fields();
      while (fields.hasNext()) {
        var f = fields.next();
        String actual = error.path(f.getKey()).asText();
        String wanted = f.getValue().asText();
        if (f.getKey().equals("type") ? !Errors.sameType(actual, wanted) : !actual.equals(wanted)) {
          return false;
        }
      }
    }
    return holds(h.when(), h.exceptWhen(), input, scope);
  }

  private boolean holds(String when, String exceptWhen, JsonNode input, Map<String, JsonNode> scope) {
    Map<String, JsonNode> vars = replay.vars(scope, input, null, JSON.objectNode());
    return (when == null || Expressions.truthy(Expressions.evaluate(when, input, vars)))
        && (exceptWhen == null || !Expressions.truthy(Expressions.evaluate(exceptWhen, input, vars)));
  }

  /**
   * Runs every branch on the same input. Without {@code compete}: the outputs in branch order
   * once all are done, or the first branch error. With it: the branch that finished first in
   * the order of recorded outcomes wins (ties: the earlier branch) and the others' pending
   * commands are dropped.
   */
  Flow fork(Step.Fork f, JsonNode input, Map<String, JsonNode> scope) {
    int mark = replay.pendingMark();
    long before = replay.seq();
    List<Flow> results = new ArrayList<>();
    List<Long> finishedAt = new ArrayList<>();
    long latest = before;
    for (Step branch : f.branches().steps()) {
      replay.seq(before);
      results.add(replay.runStep(branch, input, scope));
      finishedAt.add(replay.seq());
      latest = Math.max(latest, replay.seq());
    }
    replay.seq(latest);
    return f.compete() ? compete(results, finishedAt, mark) : join(results, mark);
  }

  private Flow join(List<Flow> results, int mark) {
    ArrayNode outputs = JSON.arrayNode();
    boolean blocked = false;
    for (Flow r : results) {
      switch (r) {
        case Flow.Raised raised -> {
          replay.dropPendingSince(mark);
          return raised;
        }
        case Flow.Blocked b -> blocked = true;
        case Flow.Done d -> outputs.add(d.output());
        case Flow.End e -> outputs.add(e.output());
      }
    }
    return blocked ? new Flow.Blocked() : new Flow.Done(outputs, null);
  }

  private Flow compete(List<Flow> results, List<Long> finishedAt, int mark) {
    int winner = -1;
    for (int i = 0; i < results.size(); i++) {
      boolean done = results.get(i) instanceof Flow.Done || results.get(i) instanceof Flow.End;
      if (done && (winner < 0 || finishedAt.get(i) < finishedAt.get(winner))) {
        winner = i;
      }
    }
    if (winner >= 0) {
      replay.dropPendingSince(mark);
      replay.seq(finishedAt.get(winner));
      Flow w = results.get(winner);
      return new Flow.Done(w instanceof Flow.Done d ? d.output() : ((Flow.End) w).output(), null);
    }
    for (Flow r : results) {
      if (r instanceof Flow.Blocked) {
        return r;
      }
    }
    return results.get(0);
  }
}

package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.workflow.decide.InstanceState.Received;
import dev.weft.workflow.expr.Expressions;
import dev.weft.workflow.plan.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code listen} step. Events reach it as {@link Event.EventReceived} and are kept in the
 * state under the step run's id; while its strategy is not complete the step blocks and its
 * {@link Command.Listen} tells the runtime what it waits for. Output: the consumed events read
 * as {@code read} says, or, with {@code foreach}, each event's result of the {@code foreach.do}
 * tasks (run on the listen's input with the event bound to {@code $item} and its index to
 * {@code $index}, one event after the other, as soon as it arrives). A runtime may also answer
 * the {@code Listen} command itself; then its result is the output.
 */
final class ListenStep {
  private ListenStep() {}

  static Flow run(Replay replay, Step.Listen l, JsonNode input, Map<String, JsonNode> scope, ObjectNode task) {
    String at = l.common().pointer();
    String id = replay.nextId(at);
    replay.issuedAt(id);
    Outcome answered = replay.state().outcomes().get(id);
    if (answered != null) {
      replay.seq(Math.max(replay.seq(), answered.seq()));
      return switch (answered) {
        case Outcome.Succeeded s -> new Flow.Done(s.result(), null);
        case Outcome.Failed f -> new Flow.Raised(Errors.withInstance(f.error(), at), id);
      };
    }
    ListenStrategy strategy = new ListenStrategy(l.to(), l.read(), input, replay.vars(scope, input, null, task));
    List<Received> got = replay.state().received().getOrDefault(id, List.of());
    boolean complete = strategy.complete(got);
    if (!complete) {
      replay.listening(new Replay.OpenListen(id, strategy));
      replay.pendingAdd(new Command.Listen(id, at, l.to()));
    }
    ArrayNode events = strategy.output(got);
    Flow each = l.foreach() == null ? new Flow.Done(events, null) : forEach(replay, l.foreach(), events, input, scope, task);
    if (!(each instanceof Flow.Done done)) {
      return each;
    }
    if (!complete) {
      return new Flow.Blocked();
    }
    got.forEach(r -> replay.seq(Math.max(replay.seq(), r.seq())));
    return new Flow.Done(done.output(), null);
  }

  private static Flow forEach(Replay replay, Step.ForEach fe, ArrayNode events, JsonNode input, Map<String, JsonNode> scope,
      ObjectNode task) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < events.size(); i++) {
      Map<String, JsonNode> inner = new HashMap<>(scope);
      inner.put(fe.item(), events.get(i));
      inner.put(fe.at(), JsonNodeFactory.instance.numberNode(i));
      Flow flow = replay.runList(fe.body(), input, Map.copyOf(inner));
      if (!(flow instanceof Flow.Done || flow instanceof Flow.End)) {
        return flow;
      }
      JsonNode result = flow instanceof Flow.Done d ? d.output() : ((Flow.End) flow).output();
      out.add(fe.outputAs() == null ? result
          : Expressions.evaluateFilter(fe.outputAs(), result, replay.vars(inner, input, result, task)));
    }
    return new Flow.Done(out, null);
  }
}

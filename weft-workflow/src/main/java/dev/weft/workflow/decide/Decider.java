package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.workflow.decide.InstanceState.Status;
import dev.weft.workflow.plan.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pure decider of one workflow plan. Each decision replays the plan from the start against
 * the outcomes recorded so far: pure steps are recomputed, a side effect whose outcome is known
 * yields it, one whose outcome is not known becomes a command (issued once) and blocks its
 * branch. Same state, event and time give the same decision.
 */
public final class Decider {
  private final Plan plan;

  public Decider(Plan plan) {
    this.plan = plan;
  }

  public Plan plan() {
    return plan;
  }

  /**
   * Applies an event. Events for a finished instance, and outcomes for commands that were never
   * issued or already have one, change nothing (so re-delivery is harmless).
   */
  public Decision decide(InstanceState state, Event event, long nowMillis) {
    if (state.isFinished()) {
      return new Decision(state, List.of());
    }
    return switch (event) {
      case Event.Started s -> state.status() != Status.PENDING ? new Decision(state, List.of())
          : replay(new InstanceState(state.instanceId(), Status.RUNNING, orNull(s.input()), s.secrets() == null
              ? JsonNodeFactory.instance.objectNode() : s.secrets(), nowMillis, Map.of(), Map.of(), null), nowMillis);
      case Event.CommandCompleted c -> record(state, c.commandId(), seq -> new Outcome.Succeeded(seq, orNull(c.result())), nowMillis);
      case Event.CommandFailed f -> record(state, f.commandId(), seq -> new Outcome.Failed(seq, f.error()), nowMillis);
      case Event.TimerFired t -> record(state, t.timerId(), seq -> new Outcome.Succeeded(seq, JsonNodeFactory.instance.nullNode()), nowMillis);
      case Event.Cancelled c -> new Decision(new InstanceState(state.instanceId(), Status.CANCELLED, state.input(), state.secrets(),
          state.startedAtMillis(), state.issued(), state.outcomes(), JsonNodeFactory.instance.textNode(c.reason())), List.of());
    };
  }

  private Decision record(InstanceState state, String id, java.util.function.LongFunction<Outcome> outcome, long now) {
    if (state.status() != Status.RUNNING || !state.issued().containsKey(id) || state.outcomes().containsKey(id)) {
      return new Decision(state, List.of());
    }
    Map<String, Outcome> outcomes = new HashMap<>(state.outcomes());
    outcomes.put(id, outcome.apply(outcomes.size() + 1L));
    return replay(new InstanceState(state.instanceId(), state.status(), state.input(), state.secrets(), state.startedAtMillis(),
        state.issued(), outcomes, null), now);
  }

  private Decision replay(InstanceState state, long now) {
    Replay replay = new Replay(plan, state, now);
    Flow flow = replay.runWorkflow();
    Map<String, Long> issued = new HashMap<>(state.issued());
    List<Command> commands = new ArrayList<>();
    Status status = Status.RUNNING;
    JsonNode result = null;
    switch (flow) {
      case Flow.Done d -> {
        status = Status.COMPLETED;
        result = d.output();
        commands.add(new Command.Complete(result));
      }
      case Flow.End e -> {
        status = Status.COMPLETED;
        result = e.output();
        commands.add(new Command.Complete(result));
      }
      case Flow.Raised r -> {
        status = Status.FAULTED;
        result = r.error();
        commands.add(new Command.Fail(result));
      }
      case Flow.Blocked b -> {
        for (Command c : replay.pending()) {
          if (issued.putIfAbsent(c.id(), now) == null) {
            commands.add(c);
          }
        }
      }
    }
    return new Decision(new InstanceState(state.instanceId(), status, state.input(), state.secrets(), state.startedAtMillis(),
        issued, state.outcomes(), result), commands);
  }

  private static JsonNode orNull(JsonNode n) {
    return n == null ? JsonNodeFactory.instance.nullNode() : n;
  }
}

package dev.weft.workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weft.workflow.decide.InstanceState.Received;
import dev.weft.workflow.decide.InstanceState.Status;
import dev.weft.workflow.decide.Lifecycle.Effect;
import dev.weft.workflow.plan.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The pure decider of one workflow plan. Each decision replays the plan from the start against
 * the outcomes recorded so far: pure steps are recomputed, a side effect whose outcome is known
 * yields it, one whose outcome is not known becomes a command (issued once) and blocks its
 * branch. Same state, event and time give the same decision. What an event does in each status
 * is the table in {@link Lifecycle}.
 */
public final class Decider {
  /** Retrying from the failed step forgets at most this many failed commands in one go (one per faulted fork branch). */
  private static final int MAX_FORGOTTEN = 1000;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Far enough ahead for any real decision time, far enough from overflow for time arithmetic. */
  private static final long LATER_THAN_ANY_DECISION = Long.MAX_VALUE / 4;
  private final Plan plan;

  public Decider(Plan plan) {
    this.plan = plan;
  }

  public Plan plan() {
    return plan;
  }

  /**
   * Applies an event. An event the lifecycle table has no entry for, an outcome for a command
   * that was never issued or already has one, and an event no open listen takes change nothing
   * (the same state comes back, with no commands), so re-delivery is harmless.
   */
  public Decision decide(InstanceState state, Event event, long nowMillis) {
    Effect effect = Lifecycle.effect(state.status(), Lifecycle.kindOf(event)).orElse(null);
    if (effect == null) {
      return unchanged(state);
    }
    return switch (effect) {
      case RUN -> event instanceof Event.Started s ? start(state, s, nowMillis)
          : replay(state.withStatus(Status.RUNNING, null, null), nowMillis);
      case RECORD_AND_RUN, RECORD -> record(state, event, effect == Effect.RECORD_AND_RUN, nowMillis);
      case SUSPEND -> new Decision(state.withStatus(Status.SUSPENDED, null, null), List.of());
      case CANCEL -> new Decision(state.withStatus(Status.CANCELLED, JSON.textNode(((Event.Cancelled) event).reason()), null),
          List.of());
      case RETRY -> retry(state, nowMillis);
    };
  }

  /**
   * The pointers of the tasks the instance has started so far, in order: the plan replayed
   * against the recorded outcomes (pure; the same state gives the same list). A task skipped by
   * its {@code if} is not listed; a task run again (a loop, a retry) is listed again.
   */
  public List<String> tasksStarted(InstanceState state) {
    if (state.status() == Status.PENDING) {
      return List.of();
    }
    // a time after every decision: a failure whose retry was not issued is then one the retry limits stopped
    Replay replay = new Replay(plan, state, LATER_THAN_ANY_DECISION);
    replay.runWorkflow();
    return replay.ran();
  }

  private Decision start(InstanceState state, Event.Started s, long now) {
    InstanceState started = new InstanceState(state.instanceId(), Status.RUNNING, orNull(s.input()),
        s.secrets() == null ? JSON.objectNode() : s.secrets(), now, Map.of(), Map.of(), null, Map.of(), Map.of(), null);
    return replay(started, now);
  }

  private Decision record(InstanceState state, Event event, boolean run, long now) {
    InstanceState recorded = switch (event) {
      case Event.CommandCompleted c -> outcome(state, c.commandId(), seq -> new Outcome.Succeeded(seq, orNull(c.result())));
      case Event.CommandFailed f -> outcome(state, f.commandId(), seq -> new Outcome.Failed(seq, f.error()));
      case Event.TimerFired t -> outcome(state, t.timerId(), seq -> new Outcome.Succeeded(seq, JSON.nullNode()));
      case Event.EventReceived r -> consume(state, r.event(), now);
      default -> throw new IllegalArgumentException("not an outcome or event: " + event);
    };
    if (recorded == state) {
      return unchanged(state);
    }
    return run ? replay(recorded, now) : new Decision(recorded, List.of());
  }

  private static InstanceState outcome(InstanceState state, String id, LongFunction<Outcome> outcome) {
    if (!state.issued().containsKey(id) || state.outcomes().containsKey(id) || superseded(state, id)) {
      return state;
    }
    Map<String, Outcome> outcomes = new HashMap<>(state.outcomes());
    outcomes.put(id, outcome.apply(state.nextSeq()));
    return state.withOutcomes(outcomes);
  }

  /** The first open listen (in plan order) that takes the event consumes it; a repeated event (same source and id) is dropped. */
  private InstanceState consume(InstanceState state, JsonNode event, long now) {
    if (event == null || !event.isObject() || seen(state, event)) {
      return state;
    }
    Replay replay = new Replay(plan, state, now);
    replay.runWorkflow();
    for (Replay.OpenListen open : replay.openListens()) {
      List<Received> got = state.received().getOrDefault(open.id(), List.of());
      ListenStrategy.Role role = open.strategy().accept(event, got);
      if (role != ListenStrategy.Role.NONE) {
        List<Received> more = new ArrayList<>(got);
        more.add(new Received(state.nextSeq(), event, role == ListenStrategy.Role.UNTIL));
        Map<String, List<Received>> received = new HashMap<>(state.received());
        received.put(open.id(), List.copyOf(more));
        return state.withReceived(received);
      }
    }
    return state;
  }

  private static boolean seen(InstanceState state, JsonNode event) {
    if (!event.hasNonNull("id") || !event.hasNonNull("source")) {
      return false;
    }
    return state.received().values().stream().flatMap(List::stream).anyMatch(r ->
        r.event().path("id").equals(event.get("id")) && r.event().path("source").equals(event.get("source")));
  }

  /**
   * Forgets the command whose failure faulted the instance, and every other command issued but
   * not answered (their outcomes were dropped while the instance was faulted; listens excepted):
   * each is issued again with a new id. Outcomes before them are reused. When the run faults on
   * another failed command, that one is forgotten too. When it would fault without a failed
   * command to forget, nothing changes.
   */
  private Decision retry(InstanceState state, long now) {
    if (state.failedCommand() == null) {
      return unchanged(state);
    }
    Map<String, Integer> reruns = new HashMap<>(state.reruns());
    state.issued().keySet().stream()
        .filter(id -> !state.outcomes().containsKey(id) && !superseded(state, id) && !isListen(state, id))
        .forEach(id -> reruns.merge(Replay.firstId(id), 1, Integer::sum));
    String failed = state.failedCommand();
    InstanceState s = state.withStatus(Status.RUNNING, null, null);
    for (int i = 0; i < MAX_FORGOTTEN && failed != null; i++) {
      reruns.merge(Replay.firstId(failed), 1, Integer::sum);
      s = s.withReruns(reruns);
      Decision d = replay(s, now);
      if (d.state().status() != Status.FAULTED) {
        return d;
      }
      failed = d.state().failedCommand();
    }
    return unchanged(state);
  }

  /** Whether a retry from the failed step replaced this command id by a newer one. */
  private static boolean superseded(InstanceState state, String id) {
    Integer n = state.reruns().get(Replay.firstId(id));
    return n != null && !id.equals(Replay.firstId(id) + Replay.RERUN + n);
  }

  /** Whether the command id is a run of a {@code listen} step (id: instance id, pointer, {@code @n}). */
  private boolean isListen(InstanceState state, String id) {
    String first = Replay.firstId(id);
    int at = first.lastIndexOf('@');
    if (!first.startsWith(state.instanceId()) || at < state.instanceId().length()) {
      return false;
    }
    return plan.document().at(first.substring(state.instanceId().length(), at)).has("listen");
  }

  private Decision replay(InstanceState state, long now) {
    Replay replay = new Replay(plan, state, now);
    Flow flow = replay.runWorkflow();
    Map<String, Long> issued = new HashMap<>(state.issued());
    List<Command> commands = new ArrayList<>();
    Status status = Status.RUNNING;
    JsonNode result = null;
    String failed = null;
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
        failed = r.cause();
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
    return new Decision(state.withIssued(issued).withStatus(status, result, failed), commands);
  }

  private static Decision unchanged(InstanceState state) {
    return new Decision(state, List.of());
  }

  private static JsonNode orNull(JsonNode n) {
    return n == null ? JSON.nullNode() : n;
  }
}

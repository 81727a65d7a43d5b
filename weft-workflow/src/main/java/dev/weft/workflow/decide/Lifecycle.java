package dev.weft.workflow.decide;

import dev.weft.workflow.decide.InstanceState.Status;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The instance lifecycle as one table: what each kind of event does in each status. A pair not
 * in the table changes nothing (the event is dropped, so re-delivery is harmless).
 * {@code LifecycleTest} fails when a pair of the table is not visited by a test, and draws the
 * table as the Mermaid diagram in {@code docs/operations-workflows.md}.
 */
public final class Lifecycle {
  /** Kinds of events, as the table sees them. */
  public enum Kind { STARTED, OUTCOME, EVENT, SUSPEND, RESUME, RETRY, CANCEL }

  /**
   * What an event does. {@code RUN}: replay the plan (then RUNNING, COMPLETED or FAULTED);
   * {@code RECORD_AND_RUN}: record the outcome or consumed event, then run; {@code RECORD}: record
   * it and issue nothing (stays SUSPENDED); {@code SUSPEND}, {@code CANCEL}: move there, issue
   * nothing; {@code RETRY}: forget the failed command and run (RUNNING, or nothing changes when
   * the run would fault again without any failed command to retry).
   */
  public enum Effect { RUN, RECORD_AND_RUN, RECORD, SUSPEND, CANCEL, RETRY }

  private static final Map<Status, Map<Kind, Effect>> TABLE = new EnumMap<>(Status.class);

  static {
    put(Status.PENDING, Kind.STARTED, Effect.RUN);
    put(Status.PENDING, Kind.CANCEL, Effect.CANCEL);
    put(Status.RUNNING, Kind.OUTCOME, Effect.RECORD_AND_RUN);
    put(Status.RUNNING, Kind.EVENT, Effect.RECORD_AND_RUN);
    put(Status.RUNNING, Kind.SUSPEND, Effect.SUSPEND);
    put(Status.RUNNING, Kind.CANCEL, Effect.CANCEL);
    put(Status.SUSPENDED, Kind.OUTCOME, Effect.RECORD);
    put(Status.SUSPENDED, Kind.EVENT, Effect.RECORD);
    put(Status.SUSPENDED, Kind.RESUME, Effect.RUN);
    put(Status.SUSPENDED, Kind.CANCEL, Effect.CANCEL);
    put(Status.FAULTED, Kind.RETRY, Effect.RETRY);
  }

  private Lifecycle() {}

  private static void put(Status from, Kind kind, Effect effect) {
    TABLE.computeIfAbsent(from, s -> new EnumMap<>(Kind.class)).put(kind, effect);
  }

  /** The effect of an event of this kind in this status; empty when the event changes nothing. */
  public static Optional<Effect> effect(Status from, Kind kind) {
    return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(kind));
  }

  /** The whole table, for tests and diagrams. */
  public static Map<Status, Map<Kind, Effect>> table() {
    Map<Status, Map<Kind, Effect>> copy = new EnumMap<>(Status.class);
    TABLE.forEach((s, m) -> copy.put(s, Map.copyOf(m)));
    return copy;
  }

  public static Kind kindOf(Event e) {
    return switch (e) {
      case Event.Started s -> Kind.STARTED;
      case Event.CommandCompleted c -> Kind.OUTCOME;
      case Event.CommandFailed f -> Kind.OUTCOME;
      case Event.TimerFired t -> Kind.OUTCOME;
      case Event.EventReceived r -> Kind.EVENT;
      case Event.Suspended s -> Kind.SUSPEND;
      case Event.Resumed r -> Kind.RESUME;
      case Event.RetryRequested r -> Kind.RETRY;
      case Event.Cancelled c -> Kind.CANCEL;
    };
  }
}

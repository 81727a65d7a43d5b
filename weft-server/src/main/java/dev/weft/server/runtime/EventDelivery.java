package dev.weft.server.runtime;

import dev.weft.server.secrets.SecretSource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.store.Database;
import dev.weft.store.Instance;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import dev.weft.store.InstanceStore;
import dev.weft.store.RetainedEvents;
import dev.weft.workflow.decide.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Delivers CloudEvents to instances: to one ({@link #signal}) or to every instance with a
 * {@code listen} that takes it ({@link #publish}; also the {@link EventSink} for the events
 * {@code emit} steps send: pass {@code delivery::publish} to {@link WorkflowRuntime}). Each
 * delivery to an instance is one decision in one transaction; an event no open listen takes
 * is not journalled. Suspended instances record what their listens take, and go on when resumed.
 * With a retention time, a published event no instance took is kept that long
 * ({@link RetainedEvents}) and the first listen opening meanwhile that takes it consumes it.
 * A published event is then offered to the definitions started by events ({@code schedule.on},
 * {@link StartOnEvents}); an instance it starts does not also receive it in a listen.
 */
public final class EventDelivery {
  private static final int BATCH = 1000;

  private final InstanceStore instances;
  private final ApplyEvent apply;
  private final RetainedEvents retained;
  private final RuntimeClock clock;
  private final Duration retention;
  private final StartOnEvents starts;

  /** What a published event did: the instances whose listens consumed it, and those it started. */
  public record Delivered(List<String> consumedBy, List<String> started) {}

  public EventDelivery(Database db, RuntimeClock clock) {
    this(db, clock, SecretSource.none());
  }

  /** As above; {@code $secrets} of the instances come from {@code secrets}. Nothing is retained. */
  public EventDelivery(Database db, RuntimeClock clock, SecretSource secrets) {
    this(db, clock, secrets, Duration.ZERO);
  }

  /**
   * As above; a published event no instance takes is retained for {@code retention} (zero: not at all).
   *
   * @throws IllegalArgumentException if {@code retention} is negative
   */
  public EventDelivery(Database db, RuntimeClock clock, SecretSource secrets, Duration retention) {
    if (retention.isNegative()) {
      throw new IllegalArgumentException("event retention must not be negative, got " + retention);
    }
    this.instances = db.instances();
    this.apply = new ApplyEvent(db, new Definitions(db.definitions()), clock, secrets);
    this.retained = db.retainedEvents();
    this.clock = clock;
    this.retention = retention;
    this.starts = new StartOnEvents(db, clock, secrets);
  }

  /**
   * Delivers the event to one instance.
   *
   * @return true when one of its listens consumed the event, false when none took it (or the
   *     same {@code source} and {@code id} were consumed already)
   * @throws IllegalArgumentException when the event is not a CloudEvent object with a {@code type}
   * @throws UnknownInstanceException when there is no such instance
   */
  public boolean signal(String instanceId, JsonNode event) {
    check(event);
    return apply.apply(instanceId, new Event.EventReceived(event)).changed();
  }

  /**
   * Delivers the event to every running or suspended instance (the oldest {@value #BATCH} of
   * each) whose open listens take it. When none takes it and a retention time is set, the event
   * is kept that long for a listen that opens later.
   *
   * It is also offered to {@code schedule.on} as {@link #deliver} says (and not retained when it
   * started an instance).
   *
   * @return the ids of the instances that consumed it (empty also when it was retained)
   * @throws IllegalArgumentException when the event is not a CloudEvent object with a {@code type}
   */
  public List<String> publish(JsonNode event) {
    return deliver(event).consumedBy();
  }

  /**
   * As {@link #publish}, then offers the event to the definitions with {@code schedule.on}
   * ({@link StartOnEvents}): each whose trigger it completes gets a new instance. Publishing the
   * same event again (same {@code source} and {@code id}) starts nothing more.
   *
   * @throws IllegalArgumentException when the event is not a CloudEvent object with a {@code type}
   */
  public Delivered deliver(JsonNode event) {
    check(event);
    List<String> consumed = new ArrayList<>();
    for (InstanceStatus s : List.of(InstanceStatus.RUNNING, InstanceStatus.SUSPENDED)) {
      for (Instance inst : instances.list(InstanceFilter.all(BATCH).withStatus(s))) {
        if (apply.apply(inst.id(), new Event.EventReceived(event)).changed()) {
          consumed.add(inst.id());
        }
      }
    }
    List<String> started = starts.offer(event);
    if (consumed.isEmpty() && started.isEmpty() && retention.isPositive()) {
      Instant now = Instant.ofEpochMilli(clock.nowMillis());
      retained.retain(event, now, now.plus(retention));
    }
    return new Delivered(List.copyOf(consumed), started);
  }

  private static void check(JsonNode event) {
    if (event == null || !event.isObject()) {
      throw new IllegalArgumentException("event: must be a CloudEvent JSON object, got "
          + (event == null ? "nothing" : event.getNodeType().toString().toLowerCase(Locale.ROOT)));
    }
    if (!event.path("type").isTextual() || event.path("type").asText().isBlank()) {
      throw new IllegalArgumentException("event/type: a CloudEvent needs a type (a non-empty string)");
    }
  }
}

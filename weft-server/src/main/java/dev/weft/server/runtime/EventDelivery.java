package dev.weft.server.runtime;

import dev.weft.server.secrets.SecretSource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.store.Database;
import dev.weft.store.Instance;
import dev.weft.store.InstanceFilter;
import dev.weft.store.InstanceStatus;
import dev.weft.store.InstanceStore;
import dev.weft.workflow.decide.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Delivers CloudEvents to instances: to one ({@link #signal}) or to every instance with a
 * {@code listen} that takes it ({@link #publish}; also the {@link EventSink} for the events
 * {@code emit} steps send: pass {@code delivery::publish} to {@link WorkflowRuntime}). Each
 * delivery to an instance is one decision in one transaction; an event no open listen takes
 * is not journalled. Suspended instances record what their listens take, and go on when resumed.
 */
public final class EventDelivery {
  private static final int BATCH = 1000;

  private final InstanceStore instances;
  private final ApplyEvent apply;

  public EventDelivery(Database db, RuntimeClock clock) {
    this(db, clock, SecretSource.none());
  }

  /** As above; {@code $secrets} of the instances come from {@code secrets}. */
  public EventDelivery(Database db, RuntimeClock clock, SecretSource secrets) {
    this.instances = db.instances();
    this.apply = new ApplyEvent(db, new Definitions(db.definitions()), clock, secrets);
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
   * each) whose open listens take it.
   *
   * @return the ids of the instances that consumed it
   * @throws IllegalArgumentException when the event is not a CloudEvent object with a {@code type}
   */
  public List<String> publish(JsonNode event) {
    check(event);
    List<String> consumed = new ArrayList<>();
    for (InstanceStatus s : List.of(InstanceStatus.RUNNING, InstanceStatus.SUSPENDED)) {
      for (Instance inst : instances.list(InstanceFilter.all(BATCH).withStatus(s))) {
        if (apply.apply(inst.id(), new Event.EventReceived(event)).changed()) {
          consumed.add(inst.id());
        }
      }
    }
    return consumed;
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

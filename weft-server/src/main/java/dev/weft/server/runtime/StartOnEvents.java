package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.server.secrets.SecretSource;
import dev.weft.store.Database;
import dev.weft.store.Definition;
import dev.weft.store.DefinitionStore;
import dev.weft.store.Transactor;
import dev.weft.store.TriggerEvent;
import dev.weft.store.TriggerEvents;
import dev.weft.workflow.decide.StartTrigger;
import dev.weft.workflow.decide.StartTrigger.Offer;
import dev.weft.workflow.decide.StartTrigger.Pending;
import dev.weft.workflow.schedule.Schedule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts instances of the definitions whose {@code schedule.on} takes a published event. For each
 * stored name, the latest version's trigger ({@link StartTrigger}) is offered the event in one
 * transaction that locks the definition's trigger state ({@link TriggerEvents#lockPending}),
 * records the event as taken and, when it completes the strategy, creates the instance (input:
 * the array of the events taken) with its {@code Started} decision and marks the events used.
 * So the start and the consumption commit together, and a name takes the same CloudEvent
 * ({@code source} + {@code id}) once, whichever server or retried publish delivers it. An event
 * without {@code source} or {@code id} is identified by the SHA-256 of its JSON text. Carrying
 * the instance out is the engine's job, as for {@link ScheduleRunner}.
 */
public final class StartOnEvents {
  private final DefinitionStore store;
  private final Definitions definitions;
  private final TriggerEvents triggerEvents;
  private final Transactor tx;
  private final Recorder recorder;
  private final RuntimeClock clock;
  private final Map<String, Optional<StartTrigger>> triggers = new ConcurrentHashMap<>();

  public StartOnEvents(Database db, RuntimeClock clock, SecretSource secrets) {
    this.store = db.definitions();
    this.definitions = new Definitions(store);
    this.triggerEvents = db.triggerEvents();
    this.tx = db.transactor();
    this.recorder = new Recorder(db, new DecisionWriter(db, definitions, secrets));
    this.clock = clock;
  }

  /** Offers the event to every definition's trigger; returns the ids of the instances it started (new ones only). */
  public List<String> offer(JsonNode event) {
    EventIdentity identity = EventIdentity.of(event);
    List<String> started = new ArrayList<>();
    for (String name : store.names()) {
      Definition def = store.latest(name).orElseThrow();
      Optional<StartTrigger> trigger = triggers.computeIfAbsent(name + "@" + def.version(), k -> triggerOf(def));
      if (trigger.isPresent()) {
        tx.inTransaction(() -> offer(def, trigger.get(), identity, event)).ifPresent(started::add);
      }
    }
    return started;
  }

  private Optional<String> offer(Definition def, StartTrigger trigger, EventIdentity identity, JsonNode event) {
    List<TriggerEvent> pending = triggerEvents.lockPending(def.name(), def.version());
    if (triggerEvents.taken(def.name(), identity.source(), identity.id())) {
      return Optional.empty();
    }
    Offer offer = trigger.offer(pending.stream().map(p -> new Pending(p.event(), p.until())).toList(), event);
    long now = clock.nowMillis();
    return switch (offer) {
      case Offer.Ignored i -> Optional.empty();
      case Offer.Kept k -> {
        triggerEvents.take(def.name(), def.version(), identity.source(), identity.id(), event, k.until(), Instant.ofEpochMilli(now));
        yield Optional.empty();
      }
      case Offer.Starts s -> {
        long seq = triggerEvents.take(def.name(), def.version(), identity.source(), identity.id(), event, s.until(),
            Instant.ofEpochMilli(now));
        String key = "on:" + def.name() + "@" + def.version() + ":" + identity.source() + ":" + identity.id();
        String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
        recorder.started(id, key, def, s.input(), now);
        List<Long> used = new ArrayList<>(pending.stream().map(TriggerEvent::seq).toList());
        used.add(seq);
        triggerEvents.used(used, id);
        yield Optional.of(id);
      }
    };
  }

  private Optional<StartTrigger> triggerOf(Definition def) {
    return Schedule.of(definitions.decider(def.name(), def.version()).plan().document())
        .filter(Schedule.OnEvents.class::isInstance)
        .map(s -> new StartTrigger(((Schedule.OnEvents) s).on()));
  }
}

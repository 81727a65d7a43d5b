package dev.weft.server.runtime;

import dev.weft.server.secrets.SecretSource;
import dev.weft.workflow.decide.Decider;

import dev.weft.store.Database;
import dev.weft.store.EventStore;
import dev.weft.store.Instance;
import dev.weft.store.InstanceStatus;
import dev.weft.store.NewInstance;
import dev.weft.workflow.decide.Command;
import dev.weft.workflow.decide.Decision;
import dev.weft.workflow.decide.Event;
import dev.weft.workflow.decide.InstanceState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Feeds one event to the instance's decider and appends the decision: the event, the new
 * snapshot (checked against the version read) and the outbox commands, in the caller's
 * transaction. A concurrent writer makes the append fail with
 * {@link dev.weft.store.StaleVersionException}; the caller rolls back and tries again.
 */
final class DecisionWriter {
  private final EventStore events;
  private final Definitions definitions;
  private final SecretSource secrets;
  private final CallSlots slots;

  /** What one event did: the state before, the decision, and whether anything was written. */
  record Written(InstanceState before, Decision decision, boolean changed) {}

  DecisionWriter(Database db, Definitions definitions, SecretSource secrets) {
    this.events = db.events();
    this.slots = new CallSlots(db);
    this.definitions = definitions;
    this.secrets = secrets;
  }

  /**
   * Decides and appends; call inside a transaction. The secrets the document declares are
   * supplied to the decider from the {@link SecretSource} and masked out of everything appended.
   * A decision that changes nothing (no command, same state) is not appended. A decision that ends
   * the instance with calls still open gives back the service slots they held or waited for
   * ({@link CallSlots}).
   */
  Written write(Instance inst, Event event, long nowMillis) {
    Decided d = decide(inst, event, nowMillis);
    if (d.stored() != null) {
      events.append(d.stored(), Instant.ofEpochMilli(nowMillis));
      InstanceState after = d.written().decision().state();
      if (after.isFinished() && !after.outcomes().keySet().containsAll(after.issued().keySet())) {
        slots.releaseInstance(inst.id(), nowMillis); // a call still open may hold a slot or a place (answered ones gave theirs back)
      }
    }
    return d.written();
  }

  /**
   * Decides the first event of an instance that has no row yet and creates it with that decision
   * applied ({@link dev.weft.store.EventStore#createDecided}); call inside a transaction. Returns
   * empty, having written nothing, when the key or id is taken or the decision changes nothing:
   * the caller then creates the instance the ordinary way.
   */
  Optional<Written> writeNew(NewInstance n, Event event, long nowMillis) {
    Instant now = Instant.ofEpochMilli(nowMillis);
    Instance unsaved = new Instance(n.id(), n.idempotencyKey(), n.definitionName(), n.definitionVersion(),
        InstanceStatus.PENDING, n.snapshot(), 1, null, null, now, now);
    Decided d = decide(unsaved, event, nowMillis);
    if (d.stored() == null || !events.createDecided(n, d.stored(), now)) {
      return Optional.empty();
    }
    return Optional.of(d.written());
  }

  /** A decision and, unless it changes nothing, what the store is to write for it. */
  private record Decided(Written written, dev.weft.store.Decision stored) {}

  private Decided decide(Instance inst, Event event, long nowMillis) {
    Decider decider = definitions.decider(inst.definitionName(), inst.definitionVersion());
    SecretsAtRest s = SecretsAtRest.of(secrets, decider);
    InstanceState state = Snapshots.read(s.mask().reveal(inst.snapshot())).withSecrets(s.given());
    Decision d = decider.decide(state, s.supply(event), nowMillis);
    if (d.commands().isEmpty() && d.state().equals(state)) {
      return new Decided(new Written(state, d, false), null); // e.g. a timer of a cancelled instance
    }
    List<dev.weft.store.Command> commands = d.commands().stream()
        .filter(c -> !(c instanceof Command.Complete) && !(c instanceof Command.Fail))
        .map(c -> s.redact(Journal.outbox(inst.id(), c)))
        .toList();
    dev.weft.store.Decision stored = new dev.weft.store.Decision(inst.id(), inst.version(),
        Snapshots.storeStatus(d.state().status()), s.mask().redact(Snapshots.write(d.state())),
        List.of(s.redact(Journal.event(event))), commands);
    return new Decided(new Written(state, d, true), stored);
  }

  /** The instance's secrets as the source has them now, with the mask of their values. */
  SecretsAtRest secretsOf(Instance inst) {
    return SecretsAtRest.of(secrets, definitions.decider(inst.definitionName(), inst.definitionVersion()));
  }
}

package dev.weft.server.runtime;

import dev.weft.store.EventStore;
import dev.weft.store.Instance;
import dev.weft.workflow.decide.Command;
import dev.weft.workflow.decide.Decision;
import dev.weft.workflow.decide.Event;
import dev.weft.workflow.decide.InstanceState;
import java.time.Instant;
import java.util.List;

/**
 * Feeds one event to the instance's decider and appends the decision: the event, the new
 * snapshot (checked against the version read) and the outbox commands, in the caller's
 * transaction. A concurrent writer makes the append fail with
 * {@link dev.weft.store.StaleVersionException}; the caller rolls back and tries again.
 */
final class DecisionWriter {
  private final EventStore events;
  private final Definitions definitions;

  DecisionWriter(EventStore events, Definitions definitions) {
    this.events = events;
    this.definitions = definitions;
  }

  /** Decides and appends; call inside a transaction. Returns the decider's decision. */
  Decision write(Instance inst, Event event, long nowMillis) {
    InstanceState state = Snapshots.read(inst.snapshot());
    Decision d = definitions.decider(inst.definitionName(), inst.definitionVersion()).decide(state, event, nowMillis);
    List<dev.weft.store.Command> commands = d.commands().stream()
        .filter(c -> !(c instanceof Command.Complete) && !(c instanceof Command.Fail))
        .map(c -> Journal.outbox(inst.id(), c))
        .toList();
    events.append(new dev.weft.store.Decision(inst.id(), inst.version(), Snapshots.storeStatus(d.state().status()),
        Snapshots.write(d.state()), List.of(Journal.event(event)), commands), Instant.ofEpochMilli(nowMillis));
    return d;
  }
}

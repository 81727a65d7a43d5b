package dev.weft.server.runtime;

import dev.weft.server.secrets.SecretSource;

import dev.weft.store.Database;
import dev.weft.store.EventStore;
import dev.weft.store.Instance;
import dev.weft.store.InstanceStore;
import dev.weft.store.StaleVersionException;
import dev.weft.store.Transactor;
import dev.weft.workflow.decide.Command;
import dev.weft.workflow.decide.Decision;
import dev.weft.workflow.decide.Event;
import dev.weft.workflow.decide.InstanceState;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Feeds one event to one instance's decider and writes the decision (journal entry, snapshot,
 * outbox commands) in one transaction, as {@link WorkflowRuntime} does. A decision that changes
 * nothing is not written. When another writer got in between (a stale version), the instance is
 * read again and the event decided again, a few times.
 */
final class ApplyEvent {
  private static final int ATTEMPTS = 5;

  /** What the event did: the instance as it was, the decider's new state, and whether anything changed. */
  record Applied(Instance before, InstanceState after, boolean changed) {}

  private final Transactor tx;
  private final InstanceStore instances;
  private final RuntimeClock clock;

  private final DecisionWriter writer;

  ApplyEvent(Database db, Definitions definitions, RuntimeClock clock, SecretSource secrets) {
    this.tx = db.transactor();
    this.instances = db.instances();
    this.clock = clock;
    this.writer = new DecisionWriter(db, definitions, secrets);
  }

  /**
   * Applies the event in a transaction of its own; {@code alsoWhenChanged} runs in the same
   * transaction after the decision is written (and only then).
   *
   * @throws UnknownInstanceException when there is no such instance
   */
  Applied apply(String instanceId, Event event, Consumer<Applied> alsoWhenChanged) {
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.inTransaction(() -> {
          Applied a = applyHere(instances.find(instanceId).orElseThrow(() -> new UnknownInstanceException(instanceId)), event);
          if (a.changed()) {
            alsoWhenChanged.accept(a);
          }
          return a;
        });
      } catch (StaleVersionException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  Applied apply(String instanceId, Event event) {
    return apply(instanceId, event, a -> { });
  }

  /** Decides and writes; call inside a transaction. */
  Applied applyHere(Instance inst, Event event) {
    DecisionWriter.Written w = writer.write(inst, event, clock.nowMillis());
    return new Applied(inst, w.changed() ? w.decision().state() : w.before(), w.changed());
  }
}

package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.server.secrets.SecretMask;
import dev.weft.server.secrets.SecretSource;
import dev.weft.store.NewEvent;
import dev.weft.workflow.decide.Decider;
import dev.weft.workflow.decide.Event;

/**
 * The secrets of one definition at one moment: the {@code $secrets} its document declares, as
 * the source has them now, and the mask that keeps their values out of snapshots, journal and
 * outbox. Built again for each decision and each command carried out, so nothing but the
 * source ever holds a value.
 */
record SecretsAtRest(ObjectNode given, SecretMask mask) {
  static SecretsAtRest of(SecretSource source, Decider decider) {
    ObjectNode given = source.lookUp(decider.plan().declaredSecrets());
    return new SecretsAtRest(given, SecretMask.of(given));
  }

  /** The event with the secrets attached when it starts the instance. */
  Event supply(Event event) {
    return event instanceof Event.Started s ? new Event.Started(s.input(), given) : event;
  }

  NewEvent redact(NewEvent e) {
    return new NewEvent(e.type(), mask.redact(e.payload()));
  }

  dev.weft.store.Command redact(dev.weft.store.Command c) {
    return new dev.weft.store.Command(c.id(), c.type(), mask.redact(c.payload()));
  }
}

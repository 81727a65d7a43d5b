package dev.weft.server.api.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.store.RecordedEvent;

/** A journal entry as the API shows it. */
record EventView(long seq, String type, String recordedAt, JsonNode payload) {
  static EventView of(RecordedEvent e) {
    return new EventView(e.seq(), e.type(), e.recordedAt().toString(), e.payload());
  }
}

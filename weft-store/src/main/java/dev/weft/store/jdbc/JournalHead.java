package dev.weft.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.store.NewEvent;
import dev.weft.store.RecordedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The head of an instance's journal: the events of its first decision, kept in the instance row
 * ({@code head_events}, a JSON array of {@code {type, payload}}) with sequence numbers 1 to n,
 * recorded when the instance was created. Pure encoding; the store writes and reads the column.
 */
final class JournalHead {
  private JournalHead() {}

  /** The column's text for these events, or null when there are none. */
  static String encode(List<NewEvent> events) {
    if (events.isEmpty()) {
      return null;
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (NewEvent e : events) {
      ObjectNode one = array.addObject();
      one.put("type", e.type());
      one.set("payload", e.payload());
    }
    return JsonColumns.write(array);
  }

  /** The events the column holds, numbered from 1, as recorded at {@code createdAt}; empty for null. */
  static List<RecordedEvent> decode(String instanceId, String text, Instant createdAt) {
    List<RecordedEvent> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    long seq = 1;
    for (JsonNode one : JsonColumns.read(text)) {
      out.add(new RecordedEvent(instanceId, seq++, one.get("type").asText(), one.get("payload"), createdAt));
    }
    return out;
  }
}

package dev.weft.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.store.StoreException;
import java.time.Instant;

/** JSON payloads live in TEXT columns and times in BIGINT epoch milliseconds, on both databases. */
final class JsonColumns {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonColumns() {}

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  static JsonNode read(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new StoreException("stored JSON is unreadable: " + e.getMessage(), e);
    }
  }

  static Instant instant(long millis, boolean wasNull) {
    return wasNull ? null : Instant.ofEpochMilli(millis);
  }
}

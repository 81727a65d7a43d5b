package dev.weft.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two deliveries of a CloudEvent the same event: its {@code source} and {@code id}
 * (CloudEvents 1.0). An event missing either is identified by the SHA-256 of its JSON text, with
 * source {@code ""}, so the very same text published twice is still one event.
 */
record EventIdentity(String source, String id) {
  static EventIdentity of(JsonNode event) {
    if (event.path("source").isValueNode() && event.path("id").isValueNode()
        && !event.path("source").isNull() && !event.path("id").isNull()) {
      return new EventIdentity(event.get("source").asText(), event.get("id").asText());
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(event.toString().getBytes(StandardCharsets.UTF_8));
      return new EventIdentity("", "sha256:" + HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}

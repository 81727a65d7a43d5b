package dev.weft.agent.logs;

import java.nio.charset.StandardCharsets;

/**
 * Bytes read from a log file.
 *
 * @param bytes what was read (may end inside a UTF-8 character; the next chunk continues it)
 * @param offset where they started
 * @param next where to read next
 */
public record LogChunk(byte[] bytes, long offset, long next) {
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }
}

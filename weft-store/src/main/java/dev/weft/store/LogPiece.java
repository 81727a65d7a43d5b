package dev.weft.store;

import java.util.Objects;

/**
 * Bytes of one task attempt's stream as an agent shipped them.
 *
 * @param offset where {@code data} starts in the task's stream
 * @param written how many bytes the task had written to the stream when the agent read it
 *     (at least {@code offset + data.length})
 * @param last true when the attempt has ended and {@code data} reaches the end of what it wrote
 *     (or the agent's own limit): nothing more will come
 */
public record LogPiece(String taskId, int attempt, TaskStream stream, long offset, byte[] data, long written,
                       boolean last) {
  public LogPiece {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(data, "data");
    if (offset < 0 || attempt < 0) {
      throw new IllegalArgumentException("offset and attempt cannot be negative");
    }
    written = Math.max(written, offset + data.length);
  }

  public long end() {
    return offset + data.length;
  }
}

package dev.weft.store;

/** Stored bytes of one stream, starting at {@code offset}. */
public record LogBytes(TaskStream stream, long offset, byte[] data) {
  public long end() {
    return offset + data.length;
  }
}

package dev.weft.store;

/**
 * What the server holds of one task attempt's stream.
 *
 * @param kept the bytes stored, from offset 0 without gaps (the next offset wanted)
 * @param written the most the task was reported to have written
 * @param dropped bytes written past the limit, never stored
 * @param ended the agent's last piece arrived and everything up to it is stored
 */
public record LogExtent(long kept, long written, long dropped, boolean ended) {
  public static final LogExtent NONE = new LogExtent(0, 0, 0, false);
}

package dev.weft.store;

/**
 * What the server holds of one task attempt's stream: the bytes from {@code first} to {@code kept},
 * without gaps (the newest of what the task wrote; older ones were let go).
 *
 * @param first the lowest offset still stored ({@code kept} when nothing is)
 * @param kept where the stored bytes end (the next offset wanted)
 * @param written the most the task was reported to have written
 * @param ended the agent's last piece arrived and everything up to it is stored
 */
public record LogExtent(long first, long kept, long written, boolean ended) {
  public static final LogExtent NONE = new LogExtent(0, 0, 0, false);

  /**
   * Bytes the task wrote that are not stored and never will be: those before {@code first}, and
   * once the stream ended, those past {@code kept} (the agent stopped short of them).
   */
  public long dropped() {
    return first + (ended ? Math.max(0, written - kept) : 0);
  }
}

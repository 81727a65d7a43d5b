package dev.weft.store;

import java.time.Instant;
import java.util.List;

/** The commands decisions asked for, read by whoever carries them out. */
public interface Outbox {
  /** Up to {@code limit} commands not yet marked done, oldest first (ties by id). */
  List<PendingCommand> pending(int limit);

  /**
   * Marks a command done. Idempotent: returns true the first time, false when it was already
   * done.
   *
   * @throws NotFoundException if no command has this id
   */
  boolean markDone(String commandId, Instant now);
}

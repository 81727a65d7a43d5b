package dev.weft.scheduler.queue;

import java.util.List;

/** The waiting line of one leaf queue, in the order its policy offers tasks. */
public interface LeafOrder {
  /** The next task to offer, or null when none is left. */
  Queued peek();

  /** Removes the task {@link #peek} returned (placed, reserved or skipped). */
  void pop();

  /** From now on offer the rest shortest expected run time first (backfill order). */
  void shortestFirst();

  /** Tasks not yet offered, in offer order. */
  List<Queued> remaining();
}

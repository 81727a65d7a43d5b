package dev.weft.server.runtime;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * What an engine loop needs besides its own work: the settings, the clock, the bell that wakes
 * it early, and whether to go on.
 */
record LoopContext(EngineSettings settings, RuntimeClock clock, Doorbell bell, BooleanSupplier running) {
  boolean goOn() {
    return running.getAsBoolean();
  }

  /** Waits for the bell, at most the idle poll. */
  void idle() throws InterruptedException {
    bell.await(settings.idlePoll());
  }

  /** Runs rounds until told to stop, idling after each round that did less than {@code busy} things. */
  void repeat(IntSupplier round, int busy) {
    try {
      while (goOn()) {
        if (round.getAsInt() < busy) {
          idle();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits {@code backoff} (a failing store's), or until the bell rings; an interrupt is kept for the loop to see. */
  void pause(Duration backoff) {
    try {
      bell.await(backoff);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

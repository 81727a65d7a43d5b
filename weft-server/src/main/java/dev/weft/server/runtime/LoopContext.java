package dev.weft.server.runtime;

import java.util.function.BooleanSupplier;

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
}

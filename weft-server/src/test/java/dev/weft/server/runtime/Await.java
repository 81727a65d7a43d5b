package dev.weft.server.runtime;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits on a condition, never on a duration: the timeout is a generous bound for a stuck test. */
final class Await {
  static final Duration GENEROUS = Duration.ofMinutes(3);

  private Await() {}

  static void until(BooleanSupplier done, Supplier<String> what) throws InterruptedException {
    long deadline = System.nanoTime() + GENEROUS.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still not done after " + GENEROUS + ": " + what.get());
      }
      Thread.sleep(50);
    }
  }
}

package dev.weft.server.outage;

import dev.weft.store.StoreUnavailableException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The consecutive failures of one background loop (or of the API's requests), so that a database
 * outage gives one log line when it starts and one when it ends instead of a line (or a stack
 * trace) per try. {@link #failed} says how long to back off: {@value #FIRST_MILLIS} ms after the
 * first failure, doubling up to {@value #MAX_MILLIS} ms. Thread-safe: several threads may share
 * one streak (any success ends it). Time comes from the injected millisecond clock; it never
 * sleeps.
 */
public final class FailureStreak {
  static final long FIRST_MILLIS = 250;
  static final long MAX_MILLIS = 5_000;

  private final String what;
  private final Consumer<String> log;
  private final LongSupplier millis;
  private long failures;
  private long since;

  /** {@code what} names the work in the log lines ("claiming commands"); {@code log} takes each line. */
  public FailureStreak(String what, Consumer<String> log, LongSupplier millis) {
    this.what = what;
    this.log = log;
    this.millis = millis;
  }

  /** A streak whose lines go to {@code logger} at WARNING, on the system clock. */
  public static FailureStreak logging(String what, System.Logger logger) {
    return new FailureStreak(what, line -> logger.log(System.Logger.Level.WARNING, line), System::currentTimeMillis);
  }

  /** Counts a failure, logs it if it starts a streak, and returns how long to wait before trying again. */
  public synchronized Duration failed(RuntimeException e) {
    failures++;
    if (failures == 1) {
      since = millis.getAsLong();
      log.accept(what + ": " + describe(e) + "; trying again with backoff (up to " + MAX_MILLIS / 1000
          + " s), quiet until it works again");
    }
    long wait = FIRST_MILLIS << Math.min(failures - 1, 16);
    return Duration.ofMillis(Math.min(wait, MAX_MILLIS));
  }

  /** Ends a streak, if there is one, with one line saying how long it lasted. */
  public synchronized void succeeded() {
    if (failures > 0) {
      log.accept(what + ": works again after " + failures + " failure(s) in "
          + String.format("%.1f", (millis.getAsLong() - since) / 1000.0) + " s");
      failures = 0;
    }
  }

  /** Whether the last try failed. */
  public synchronized boolean failing() {
    return failures > 0;
  }

  /** One line: "database unavailable (…)" for a lost database, else the exception's type and message. */
  static String describe(RuntimeException e) {
    String message = firstLine(e.getMessage());
    return e instanceof StoreUnavailableException ? message : e.getClass().getSimpleName() + ": " + message;
  }

  private static String firstLine(String s) {
    String m = String.valueOf(s);
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}

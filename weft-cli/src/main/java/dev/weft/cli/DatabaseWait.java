package dev.weft.cli;

import dev.weft.store.StoreException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code weft server --db-wait D}: a server whose database cannot be reached yet (a PostgreSQL
 * still starting, a network not up) tries again, with pauses growing from half a second to 5 s,
 * until it can or {@code D} has passed. Any other failure (bad credentials, a failed migration)
 * ends the wait at once.
 */
final class DatabaseWait {
  private static final long FIRST_PAUSE_MILLIS = 500;
  private static final long MAX_PAUSE_MILLIS = 5_000;

  private DatabaseWait() {}

  /** What {@code start} gives, started again while it fails because the database is not reachable and {@code wait} lasts. */
  static <T> T retrying(Supplier<T> start, Duration wait, PrintWriter err) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    long pause = FIRST_PAUSE_MILLIS;
    boolean told = false;
    while (true) {
      try {
        return start.get();
      } catch (StoreException e) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (!unreachable(e) || left <= 0) {
          throw e;
        }
        if (!told) {
          err.println("weft: the database cannot be reached yet (" + reason(e) + "); trying again for up to "
              + wait.toSeconds() + " s (--db-wait)");
          err.flush();
          told = true;
        }
        Thread.sleep(Math.min(pause, left));
        pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
      }
    }
  }

  /** Whether {@code e} says the database could not be connected to (as opposed to refusing or failing the work). */
  static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return true;
      }
      // SQL state class 08: connection exception; 57P03: PostgreSQL is starting up (cannot connect now)
      if (t instanceof SQLException s && s.getSQLState() != null
          && (s.getSQLState().startsWith("08") || s.getSQLState().equals("57P03"))) {
        return true;
      }
    }
    return false;
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}

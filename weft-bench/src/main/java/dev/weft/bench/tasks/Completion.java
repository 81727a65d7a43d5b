package dev.weft.bench.tasks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Waits until a count query on the engine's schema says every task has completed; the time returned
 * is that of the first poll that saw them all. Polls every {@link #EVERY} near the end; while the
 * end is far off, by the rate seen since the first poll, it waits up to a quarter of the time the
 * rest should take (at most {@link #LONGEST}): the count query scans the engine's table, and on a
 * 2-core machine polling it 50 times a second took PostgreSQL CPU from the engine under test (up to
 * 40 ms a query on 60,000 Weft task rows).
 */
final class Completion {
  static final Duration EVERY = Duration.ofMillis(20);
  static final Duration LONGEST = Duration.ofMillis(500);
  private final String url;
  private final String countSql;

  /** @param countSql a query whose single value is the number of completed tasks */
  Completion(String url, String countSql) {
    this.url = url;
    this.countSql = countSql;
  }

  /** The nanoTime at which {@code n} completions were seen, or -1 after {@code timeout}. */
  long await(int n, Duration timeout) throws InterruptedException {
    long first = System.nanoTime();
    long deadline = first + timeout.toNanos();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      int firstCount = -1;
      while (System.nanoTime() < deadline) {
        int count = count(s);
        long now = System.nanoTime();
        if (count >= n) {
          return now;
        }
        if (firstCount < 0) {
          firstCount = count;
        }
        Thread.sleep(nextWaitMillis(n, firstCount, count, now - first));
      }
      return -1;
    } catch (SQLException e) {
      throw new IllegalStateException("counting completions: " + e.getMessage(), e);
    }
  }

  /**
   * How long to wait before the next poll: {@link #EVERY}, or while the end is far off a quarter of
   * the time the {@code n - count} completions left should take at the rate seen since the first
   * poll (which counted {@code firstCount}, {@code elapsedNanos} ago), at most {@link #LONGEST}.
   */
  static long nextWaitMillis(int n, int firstCount, int count, long elapsedNanos) {
    int done = count - firstCount;
    if (done <= 0 || elapsedNanos <= 0 || count >= n) {
      return EVERY.toMillis();
    }
    double leftMillis = (n - count) * (elapsedNanos / 1e6) / done;
    return Math.max(EVERY.toMillis(), Math.min(LONGEST.toMillis(), (long) (leftMillis / 4)));
  }

  /** The count now. */
  int count() {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      return count(s);
    } catch (SQLException e) {
      throw new IllegalStateException("counting completions: " + e.getMessage(), e);
    }
  }

  private int count(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery(countSql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}

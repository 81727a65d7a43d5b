package dev.weft.bench.tasks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Waits until a count query on the engine's schema says every task has completed, polling every
 * {@link #EVERY}; the time returned is that of the first poll that saw them all.
 */
final class Completion {
  static final Duration EVERY = Duration.ofMillis(20);
  private final String url;
  private final String countSql;

  /** @param countSql a query whose single value is the number of completed tasks */
  Completion(String url, String countSql) {
    this.url = url;
    this.countSql = countSql;
  }

  /** The nanoTime at which {@code n} completions were seen, or -1 after {@code timeout}. */
  long await(int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      while (System.nanoTime() < deadline) {
        if (count(s) >= n) {
          return System.nanoTime();
        }
        Thread.sleep(EVERY.toMillis());
      }
      return -1;
    } catch (SQLException e) {
      throw new IllegalStateException("counting completions: " + e.getMessage(), e);
    }
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

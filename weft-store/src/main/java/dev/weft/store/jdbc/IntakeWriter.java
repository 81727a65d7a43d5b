package dev.weft.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The {@link Intake}'s own connection to H2 (not from the pool, so applying never waits for one
 * that a caller holds while it waits for the intake): inserts rows in one transaction and syncs
 * H2's file. A failure drops the connection; the next call opens another. Not thread-safe.
 */
final class IntakeWriter implements AutoCloseable {
  private final String url;
  private Connection connection;

  IntakeWriter(String url) {
    this.url = url;
  }

  /** Inserts the rows in one H2 transaction; returns how many were skipped (id or key there already). */
  int insert(List<DecidedRow> rows, String what) {
    Connection c = connection();
    int skipped = 0;
    try {
      for (DecidedRow r : rows) {
        if (!r.insert(c)) {
          skipped++;
        }
      }
      c.commit();
      return skipped;
    } catch (SQLException e) {
      close();
      throw SqlFailures.wrap(what + " failed: " + e.getMessage(), e);
    }
  }

  /** Forces H2's file to the disk ({@code CHECKPOINT SYNC}). */
  void sync() {
    Connection c = connection();
    try (Statement s = c.createStatement()) {
      s.execute("CHECKPOINT SYNC");
      c.commit();
    } catch (SQLException e) {
      close();
      throw SqlFailures.wrap("syncing the database file failed: " + e.getMessage(), e);
    }
  }

  private Connection connection() {
    try {
      if (connection == null || connection.isClosed()) {
        connection = DriverManager.getConnection(url);
        connection.setAutoCommit(false);
      }
      return connection;
    } catch (SQLException e) {
      throw SqlFailures.wrap("cannot connect to apply the intake: " + e.getMessage(), e);
    }
  }

  /** Drops the connection (rolled back); the next call opens another. */
  @Override
  public void close() {
    try {
      if (connection != null) {
        connection.rollback();
        connection.close();
      }
    } catch (SQLException ignored) {
      // a broken connection: nothing of it is needed any more
    }
    connection = null;
  }
}

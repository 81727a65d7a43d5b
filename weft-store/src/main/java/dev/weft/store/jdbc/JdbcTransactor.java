package dev.weft.store.jdbc;

import dev.weft.store.Transactor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Binds one connection to the current thread for the length of a transaction; the stores ask
 * it for their connection, so their calls join whatever transaction is open.
 */
public final class JdbcTransactor implements Transactor {
  private final DataSource dataSource;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  public JdbcTransactor(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw SqlFailures.wrap("no database connection: " + e.getMessage(), e);
    }
    try {
      c.setAutoCommit(false);
      current.set(c);
      T result = work.get();
      c.commit();
      return result;
    } catch (RuntimeException | Error e) {
      rollbackQuietly(c, e);
      throw e;
    } catch (SQLException e) {
      rollbackQuietly(c, e);
      throw SqlFailures.wrap("transaction failed: " + e.getMessage(), e);
    } finally {
      current.remove();
      release(c);
    }
  }

  /** Runs {@code work} inside a transaction (the open one, or a new one). */
  <T> T run(String what, SqlWork<T> work) {
    return inTransaction(() -> {
      try {
        return work.run(current.get());
      } catch (SQLException e) {
        throw SqlFailures.wrap(what + " failed: " + e.getMessage(), e);
      }
    });
  }

  /** The connection of the open transaction; only valid inside {@link #inTransaction}. */
  Connection connection() {
    Connection c = current.get();
    if (c == null) {
      throw new IllegalStateException("no transaction open on this thread");
    }
    return c;
  }

  /** Back to auto-commit and to the pool; a broken connection is only closed (the pool drops it). */
  private static void release(Connection c) {
    try {
      if (!c.isClosed()) {
        c.setAutoCommit(true);
      }
    } catch (SQLException brokenMeanwhile) {
      // the pool discards a broken connection on close; the work's outcome is already decided
    }
    try {
      c.close();
    } catch (SQLException closeFailed) {
      // as above: nothing of the transaction depends on it
    }
  }

  /**
   * Rolls back what the failed work wrote; a rollback that fails on a broken connection
   * is kept as suppressed, the work's own failure is what the caller sees.
   */
  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      if (!c.isClosed()) {
        c.rollback();
      }
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}

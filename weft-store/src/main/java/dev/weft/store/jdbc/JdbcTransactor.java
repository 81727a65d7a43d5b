package dev.weft.store.jdbc;

import dev.weft.store.StoreException;
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
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      current.set(c);
      try {
        T result = work.get();
        c.commit();
        return result;
      } catch (RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      } catch (SQLException e) {
        rollbackQuietly(c, e);
        throw new StoreException("commit failed: " + e.getMessage(), e);
      } finally {
        current.remove();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("no database connection: " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} inside a transaction (the open one, or a new one). */
  <T> T run(String what, SqlWork<T> work) {
    return inTransaction(() -> {
      try {
        return work.run(current.get());
      } catch (SQLException e) {
        throw new StoreException(what + " failed: " + e.getMessage(), e);
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

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}

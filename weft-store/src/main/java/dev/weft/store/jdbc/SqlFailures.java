package dev.weft.store.jdbc;

import dev.weft.store.StoreException;
import dev.weft.store.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a lost or unreachable database apart from a statement the database refused, so callers
 * can wait for the database instead of failing the work. Connection failures are SQLState class
 * {@code 08}, PostgreSQL's shutdown and start-up states ({@code 57P01} admin shutdown,
 * {@code 57P02} crash shutdown, {@code 57P03} cannot connect now) and the JDBC connection
 * exception types (the pool's "no connection within the wait" is a
 * {@link SQLTransientConnectionException}); the whole cause chain is looked at.
 */
public final class SqlFailures {
  private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

  private SqlFailures() {}

  /** Whether {@code e}, or anything that caused it, says the database connection is gone or not to be had. */
  public static boolean lostConnection(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException s && s.getSQLState() != null
          && (s.getSQLState().startsWith("08") || SHUTDOWN_STATES.contains(s.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /** A {@link StoreUnavailableException} when {@code e} is a lost connection, else a plain {@link StoreException}. */
  public static StoreException wrap(String message, SQLException e) {
    return lostConnection(e)
        ? new StoreUnavailableException("database unavailable: " + message, e)
        : new StoreException(message, e);
  }
}

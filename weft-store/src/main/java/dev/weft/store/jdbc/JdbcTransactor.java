package dev.weft.store.jdbc;

import dev.weft.store.ConflictException;
import dev.weft.store.Transactor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Binds one connection to the current thread for the length of a transaction; the stores ask
 * it for their connection, so their calls join whatever transaction is open.
 *
 * <p>With an {@link Intake} (an H2 file), new instances created with their first decision are
 * deferred: the transaction claims their ids and keys and keeps the rows. If the transaction made
 * no other store call, at commit the rows are committed by appending them to the intake;
 * otherwise they are inserted into the transaction ("materialized"): at commit, or as soon as
 * another store call runs in it, so every statement sees what the transaction created.
 * Every store call first waits for the rows other transactions appended to reach H2.
 */
public final class JdbcTransactor implements Transactor {
  private static final System.Logger LOG = System.getLogger(JdbcTransactor.class.getName());
  private final DataSource dataSource;
  private final Intake intake;
  private final ThreadLocal<Tx> current = new ThreadLocal<>();
  private boolean closed;

  /** One open transaction: its connection and the new instances it deferred. */
  private static final class Tx {
    final Connection connection;
    final List<DecidedRow> deferred = new ArrayList<>();
    int materialized;
    boolean claimed;
    /** Whether any store call other than a deferred creation ran in it (it may have written). */
    boolean touched;
    /** What runs once it has committed ({@link #afterCommit}). */
    final List<Runnable> afterCommit = new ArrayList<>();

    Tx(Connection connection) {
      this.connection = connection;
    }
  }

  /**
   * Where a savepoint left the deferred rows (how many, and how many of them were in the
   * transaction) and the actions to run after the commit (how many).
   */
  record DeferredMark(int size, int materialized, int afterCommit) {}

  public JdbcTransactor(DataSource dataSource) {
    this(dataSource, null);
  }

  private JdbcTransactor(DataSource dataSource, Intake intake) {
    this.dataSource = dataSource;
    this.intake = intake;
  }

  /**
   * A transactor on {@code pool}, a pool on {@code url} (as {@link Dialect#prepare} left it); on an
   * H2 file database (not shared through {@code AUTO_SERVER}) with the file's {@link Intake}, in the
   * directory {@code FILE.intake} next to it. Close it before the pool.
   */
  public static JdbcTransactor open(DataSource pool, String url) {
    Path file = h2File(url);
    return new JdbcTransactor(pool, file == null ? null
        : Intake.open(file.resolveSibling(file.getFileName() + ".intake"), url));
  }

  /** The database file of an H2 file URL that no other process may share, else null. */
  static Path h2File(String url) {
    if (!url.startsWith("jdbc:h2:")) {
      return null;
    }
    String rest = url.substring("jdbc:h2:".length());
    int semi = rest.indexOf(';');
    String settings = semi < 0 ? "" : rest.substring(semi).toUpperCase(Locale.ROOT);
    String name = semi < 0 ? rest : rest.substring(0, semi);
    if (settings.contains(";AUTO_SERVER=TRUE") || name.matches("(?i)(mem|tcp|ssl|zip|split|nio\\w*|memFS|memLZF|async|retry):.*")) {
      return null;
    }
    if (name.regionMatches(true, 0, "file:", 0, 5)) {
      name = name.substring(5);
    }
    if (name.startsWith("~")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    return Path.of(name).toAbsolutePath().normalize();
  }

  /** Stops the intake (its rows applied, the log emptied); the transactor is not used after. */
  public synchronized void close() {
    if (intake != null && !closed) {
      closed = true;
      intake.close();
    }
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
    Tx t = new Tx(c);
    T result;
    try {
      c.setAutoCommit(false);
      current.set(t);
      result = work.get();
      commitDeferred(t);
      c.commit();
    } catch (RuntimeException | Error e) {
      rollbackQuietly(c, e);
      throw e;
    } catch (SQLException e) {
      rollbackQuietly(c, e);
      throw SqlFailures.wrap("transaction failed: " + e.getMessage(), e);
    } finally {
      current.remove();
      if (t.claimed) {
        intake.release(t);
      }
      release(c);
    }
    runAfterCommit(t.afterCommit); // outside: an action that uses the store opens a transaction of its own
    return result;
  }

  @Override
  public void afterCommit(Runnable action) {
    Tx t = current.get();
    if (t == null) {
      runAfterCommit(List.of(action));
    } else {
      t.afterCommit.add(action);
    }
  }

  private static void runAfterCommit(List<Runnable> actions) {
    for (Runnable a : actions) {
      try {
        a.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "an action after a commit failed (the commit stands): " + e, e);
      }
    }
  }

  /** Runs {@code work} inside a transaction (the open one, or a new one). */
  <T> T run(String what, SqlWork<T> work) {
    if (intake != null) {
      Tx t = current.get();
      if (t != null) {
        materialize(t);
      }
      intake.awaitApplied();
    }
    return runAsIs(what, work, true);
  }

  private <T> T runAsIs(String what, SqlWork<T> work, boolean touches) {
    return inTransaction(() -> {
      Tx t = current.get();
      t.touched |= touches;
      try {
        return work.run(t.connection);
      } catch (SQLException e) {
        throw SqlFailures.wrap(what + " failed: " + e.getMessage(), e);
      }
    });
  }

  /** Returns once the intake's rows appended so far are in H2 (at once without one). */
  public void awaitWritten() {
    if (intake != null) {
      intake.awaitApplied();
    }
  }

  /** True when new instances go through an intake (their creation can be deferred). */
  boolean defers() {
    return intake != null;
  }

  /**
   * Creates the instance of {@code row} in the open (or a new) transaction, deferred to its commit;
   * false, with nothing kept, when its id or key is taken. Only with an intake.
   */
  boolean createDeferred(DecidedRow row) {
    return runAsIs("creating instance " + row.id(), c -> {
      Tx t = current.get();
      Intake.Claim claim = intake.claim(t, row.id(), row.key());
      if (claim != Intake.Claim.CLAIMED) {
        return false; // pending in the intake, or created earlier in this transaction
      }
      t.claimed = true;
      if (stored(c, row)) {
        return false;
      }
      t.deferred.add(row);
      return true;
    }, false);
  }

  /**
   * Before inserting an instance ordinarily: claims its id and key for the open transaction, so no
   * deferred creation takes them meanwhile; one pending in the intake is applied first, one this
   * transaction deferred is materialized, so the insert sees it. Only inside a transaction.
   */
  void claimForInsert(String id, String key) {
    if (intake == null) {
      return;
    }
    Tx t = current.get();
    while (true) {
      Intake.Claim claim = intake.claim(t, id, key);
      if (claim == Intake.Claim.PENDING) {
        intake.awaitApplied();
        continue;
      }
      if (claim == Intake.Claim.OWN) {
        materialize(t);
      } else {
        t.claimed = true;
      }
      return;
    }
  }

  /** Where the deferred rows and the actions after the commit stand, for a savepoint. */
  DeferredMark deferredMark() {
    Tx t = current.get();
    return t == null ? new DeferredMark(0, 0, 0)
        : new DeferredMark(t.deferred.size(), t.materialized, t.afterCommit.size());
  }

  /**
   * After a rollback to a savepoint taken at {@code mark}: the rows deferred since are dropped, and
   * rows materialized since (the rollback removed them from the transaction) are deferred again;
   * the actions after the commit asked for since are dropped.
   */
  void rollbackDeferred(DeferredMark mark) {
    Tx t = current.get();
    if (t == null) {
      return;
    }
    while (t.deferred.size() > mark.size()) {
      t.deferred.remove(t.deferred.size() - 1);
    }
    t.materialized = Math.min(t.materialized, mark.materialized());
    while (t.afterCommit.size() > mark.afterCommit()) {
      t.afterCommit.remove(t.afterCommit.size() - 1);
    }
  }

  /** The connection of the open transaction; only valid inside {@link #inTransaction}. */
  Connection connection() {
    Tx t = current.get();
    if (t == null) {
      throw new IllegalStateException("no transaction open on this thread");
    }
    return t.connection;
  }

  /** At commit: the deferred rows go to the intake when nothing else was written, else into the transaction. */
  private void commitDeferred(Tx t) throws SQLException {
    if (t.deferred.size() == t.materialized) {
      return;
    }
    if (t.materialized == 0 && !t.touched) {
      intake.append(t.deferred);
      return;
    }
    materialize(t);
  }

  private static void materialize(Tx t) {
    try {
      for (int i = t.materialized; i < t.deferred.size(); i++) {
        DecidedRow row = t.deferred.get(i);
        if (!row.insert(t.connection)) { // its claim kept others off it since it was checked
          throw new ConflictException("instance " + row.id() + " or its key " + row.key()
              + " was taken while its creation was deferred");
        }
      }
      t.materialized = t.deferred.size();
    } catch (SQLException e) {
      throw SqlFailures.wrap("creating deferred instances failed: " + e.getMessage(), e);
    }
  }

  /** Whether an instance with the row's id or key is in the database. */
  private static boolean stored(Connection c, DecidedRow row) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM weft_instance WHERE id = ?"
        + " UNION ALL SELECT 1 FROM weft_instance WHERE idempotency_key = ?")) {
      ps.setString(1, row.id());
      ps.setString(2, row.key());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
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

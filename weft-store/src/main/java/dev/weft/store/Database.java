package dev.weft.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.weft.store.jdbc.Dialect;
import dev.weft.store.jdbc.JdbcChildInstanceStore;
import dev.weft.store.jdbc.JdbcCommandTaskStore;
import dev.weft.store.jdbc.JdbcDefinitionStore;
import dev.weft.store.jdbc.JdbcEventStore;
import dev.weft.store.jdbc.JdbcGroupCommitter;
import dev.weft.store.jdbc.JdbcInstanceStore;
import dev.weft.store.jdbc.JdbcJobStore;
import dev.weft.store.jdbc.JdbcLeaseStore;
import dev.weft.store.jdbc.JdbcNodeStore;
import dev.weft.store.jdbc.JdbcOutbox;
import dev.weft.store.jdbc.JdbcQueueTreeStore;
import dev.weft.store.jdbc.JdbcRetainedEvents;
import dev.weft.store.jdbc.JdbcTriggerEvents;
import dev.weft.store.jdbc.JdbcRuntimeHistory;
import dev.weft.store.jdbc.JdbcServiceRates;
import dev.weft.store.jdbc.JdbcServiceSlots;
import dev.weft.store.jdbc.JdbcServiceStore;
import dev.weft.store.jdbc.JdbcTaskOutputStore;
import dev.weft.store.jdbc.JdbcTaskLogStore;
import dev.weft.store.jdbc.JdbcTaskStore;
import dev.weft.store.jdbc.JdbcTimerStore;
import dev.weft.store.jdbc.JdbcTransactor;
import dev.weft.store.jdbc.JdbcWorkerCallStore;
import dev.weft.store.jdbc.PostgresSignals;
import java.time.Duration;
import org.flywaydb.core.Flyway;

/**
 * An open store: a connection pool on one database, migrated to the current schema, and the
 * adapters of every port on it. Close it to close the pool.
 */
public final class Database implements AutoCloseable {
  /** The embedded default: an H2 file under {@code ./weft-data/}. */
  public static final String DEFAULT_URL = "jdbc:h2:file:./weft-data/weft";
  /**
   * How long a caller waits for a pooled connection before {@link StoreUnavailableException}: while
   * the database is down every caller waits this long, so it is what an API request takes to be
   * answered 503, and it bounds a background loop's round. Well above the waits of a loaded pool.
   */
  public static final Duration POOL_WAIT = Duration.ofSeconds(5);
  /** Connections in the pool. */
  public static final int POOL_SIZE = 8;

  private final Dialect dialect;
  private final HikariDataSource pool;
  private final JdbcTransactor transactor;
  private final String url;

  private Database(Dialect dialect, HikariDataSource pool, JdbcTransactor transactor, String url) {
    this.dialect = dialect;
    this.pool = pool;
    this.transactor = transactor;
    this.url = url;
  }

  /**
   * Opens {@code url} ({@code jdbc:h2:...} or {@code jdbc:postgresql://...}) and applies any
   * pending migrations. Idempotent on the schema: opening an up-to-date database changes nothing.
   *
   * @throws IllegalArgumentException for an unsupported URL
   * @throws StoreException if the database cannot be reached or migrated
   */
  public static Database open(String url) {
    Dialect dialect = Dialect.of(url);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(dialect.prepare(url));
    config.setMaximumPoolSize(POOL_SIZE);
    config.setPoolName("weft-store");
    resilient(config, dialect);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open " + url + ": " + e.getMessage(), e);
    }
    try {
      Flyway.configure().dataSource(pool).locations("classpath:db/migration/common").load().migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreException("cannot migrate " + url + ": " + e.getMessage(), e);
    }
    try {
      return new Database(dialect, pool, JdbcTransactor.open(pool, config.getJdbcUrl()), config.getJdbcUrl());
    } catch (RuntimeException e) {
      pool.close();
      throw e instanceof StoreException ? e : new StoreException("cannot open " + url + ": " + e.getMessage(), e);
    }
  }

  /**
   * Pool settings that let a server ride out a database restart: a bounded wait for a connection
   * ({@link #POOL_WAIT}), a quick validity check of connections idle for a while, idle connections
   * pinged every 30 s so broken ones are replaced before use, and PostgreSQL's connect timeout
   * (unless the URL sets one). A connection broken by the restart fails one statement (the pool
   * then drops it; callers see {@link StoreUnavailableException} and repeat); the pool opens new
   * ones as soon as the database accepts them.
   */
  private static void resilient(HikariConfig config, Dialect dialect) {
    config.setConnectionTimeout(POOL_WAIT.toMillis());
    config.setValidationTimeout(Duration.ofSeconds(2).toMillis());
    config.setKeepaliveTime(Duration.ofSeconds(30).toMillis());
    if (dialect == Dialect.POSTGRES) {
      config.addDataSourceProperty("connectTimeout", Long.toString(POOL_WAIT.toSeconds()));
    }
  }

  public Dialect dialect() {
    return dialect;
  }

  public Transactor transactor() {
    return transactor;
  }

  public DefinitionStore definitions() {
    return new JdbcDefinitionStore(transactor);
  }

  public InstanceStore instances() {
    return new JdbcInstanceStore(transactor);
  }

  public EventStore events() {
    return new JdbcEventStore(transactor);
  }

  public RetainedEvents retainedEvents() {
    return new JdbcRetainedEvents(transactor);
  }

  public TriggerEvents triggerEvents() {
    return new JdbcTriggerEvents(transactor);
  }

  public Outbox outbox() {
    return new JdbcOutbox(transactor);
  }

  public TimerStore timers() {
    return new JdbcTimerStore(transactor);
  }

  public JobStore jobs() {
    return new JdbcJobStore(transactor, dialect);
  }

  public TaskStore tasks() {
    return new JdbcTaskStore(transactor, dialect);
  }

  public TaskLogStore taskLogs() {
    return new JdbcTaskLogStore(transactor);
  }

  public NodeStore nodes() {
    return new JdbcNodeStore(transactor);
  }

  public QueueTreeStore queueTree() {
    return new JdbcQueueTreeStore(transactor);
  }

  public RuntimeHistory runtimes() {
    return new JdbcRuntimeHistory(transactor, dialect);
  }

  public ServiceStore services() {
    return new JdbcServiceStore(transactor);
  }

  public ServiceSlots serviceSlots() {
    return new JdbcServiceSlots(transactor);
  }

  public ServiceRates serviceRates() {
    return new JdbcServiceRates(transactor);
  }

  public CommandTaskStore commandTasks() {
    return new JdbcCommandTaskStore(transactor);
  }

  public ChildInstanceStore children() {
    return new JdbcChildInstanceStore(transactor);
  }

  public WorkerCallStore workerCalls() {
    return new JdbcWorkerCallStore(transactor);
  }

  public TaskOutputStore taskOutputs() {
    return new JdbcTaskOutputStore(transactor);
  }

  public LeaseStore leases() {
    return new JdbcLeaseStore(transactor);
  }

  /**
   * Returns once every commit so far is in the database's tables: on an H2 file, the instances
   * committed through the intake have been inserted into H2; elsewhere at once. Reads never need
   * it (they wait for the intake themselves); it is for measuring and tests.
   */
  public void awaitWritten() {
    transactor.awaitWritten();
  }

  /**
   * Wake-up signals to and from the other processes on this database, sent as {@code sender}:
   * {@code LISTEN}/{@code NOTIFY} on PostgreSQL, {@link Signals#NONE} on H2 (one process's own).
   * The caller closes them before the database.
   */
  public Signals openSignals(String sender) {
    return dialect == Dialect.POSTGRES ? new PostgresSignals(url, sender) : Signals.NONE;
  }

  /** A group committer on this database's transactor; the caller closes it before the database. */
  public GroupCommitter groupCommitter(int maxBatch, Duration maxWait) {
    return new JdbcGroupCommitter(transactor, maxBatch, maxWait);
  }

  @Override
  public void close() {
    try {
      transactor.close();
    } finally {
      pool.close();
    }
  }
}

package dev.weft.bench.tasks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * db-scheduler's side: one scheduler, polling strategy lock-and-fetch (its documented limits 0.5 and
 * 3.0 of the threads), {@link #THREADS} threads, a 1 s polling interval (Weft's round) and immediate
 * execution on; {@code n} one-time no-op tasks scheduled for now with {@code scheduleBatch}. A
 * one-time task is done when its execution row is deleted, so completed = rows gone.
 */
final class DbSchedulerTasks {
  static final int THREADS = 10;
  /** The execution table, written here from db-scheduler's documented columns for PostgreSQL. */
  private static final String TABLE = """
      CREATE TABLE scheduled_tasks (
        task_name TEXT NOT NULL,
        task_instance TEXT NOT NULL,
        task_data BYTEA,
        execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
        picked BOOLEAN NOT NULL,
        picked_by TEXT,
        last_success TIMESTAMP WITH TIME ZONE,
        last_failure TIMESTAMP WITH TIME ZONE,
        consecutive_failures INT,
        last_heartbeat TIMESTAMP WITH TIME ZONE,
        version BIGINT NOT NULL,
        priority SMALLINT,
        PRIMARY KEY (task_name, task_instance));
      CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
      CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
      CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
      """;
  private final String url;
  private final PrintStream log;

  DbSchedulerTasks(String url, PrintStream log) {
    this.url = url;
    this.log = log;
  }

  static String settings() {
    return "lock-and-fetch (0.5, 3.0), " + THREADS + " threads, polling interval 1 s, immediate execution, scheduleBatch";
  }

  Throughput run(int n) throws InterruptedException {
    Set<String> ran = ConcurrentHashMap.newKeySet();
    OneTimeTask<Void> noop = Tasks.oneTime("noop").execute((instance, context) -> ran.add(instance.getId()));
    try (HikariDataSource ds = pool(url)) {
      createTable(ds);
      Scheduler scheduler = Scheduler.create(ds, noop).threads(THREADS).pollUsingLockAndFetch(0.5, 3.0)
          .pollingInterval(Duration.ofSeconds(1)).enableImmediateExecution().build();
      scheduler.start();
      try {
        Completion rowsGone = new Completion(url,
            "SELECT " + n + " - count(*) FROM scheduled_tasks");
        CpuMeter cpu = new CpuMeter(url);
        CpuMeter.Reading before = cpu.read();
        long start = System.nanoTime();
        List<TaskInstance<?>> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          batch.add(noop.instance("t" + i));
        }
        scheduler.scheduleBatch(batch, Instant.now());
        long end = rowsGone.await(n, WeftTasks.timeout(n));
        Throughput t = end < 0 || ran.size() != n
            ? new Throughput("db-scheduler", n, ran.size(), WeftTasks.seconds(start, System.nanoTime()), settings(),
                "ran " + ran.size() + " of " + n + " tasks, " + (n - rowsGone.count()) + " executions left")
            : new Throughput("db-scheduler", n, n, WeftTasks.seconds(start, end), settings(), null)
                .withCpu(cpu.between(before, cpu.read()));
        log.printf("db-scheduler: %d of %d tasks in %.2f s%n", t.completed(), n, t.seconds());
        return t;
      } finally {
        scheduler.stop();
      }
    }
  }

  static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(THREADS + 2);
    config.setPoolName("bench-peer");
    return new HikariDataSource(config);
  }

  private static void createTable(HikariDataSource ds) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(TABLE);
    } catch (SQLException e) {
      throw new IllegalStateException("creating db-scheduler's table: " + e.getMessage(), e);
    }
  }
}

package dev.weft.bench.tasks;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Weft's side: on one {@link WeftCluster}, first the batch (jobs of {@link #CHUNK} no-op tasks
 * posted back to back; completed means the task record is {@code SUCCEEDED}), then the paced run
 * for submit-to-start latency (one job every {@link #TICK}, its size making the rate).
 */
final class WeftTasks {
  static final int CHUNK = 1_000;
  static final Duration TICK = Duration.ofMillis(100);
  private static final String SUCCEEDED = "SELECT count(*) FROM weft_task WHERE status = 'SUCCEEDED' AND job_id LIKE ";
  private final String url;
  private final PrintStream log;

  WeftTasks(String url, PrintStream log) {
    this.url = url;
    this.log = log;
  }

  record Results(Throughput throughput, Latency latency) {}

  /** The batch alone on a cluster of its own, for warming the JIT; its figure is not reported. */
  Throughput warmUp(int tasks) throws InterruptedException {
    try (WeftCluster cluster = WeftCluster.start(url)) {
      return throughput(new JobPoster(cluster.uri()), tasks);
    }
  }

  Results run(int tasks, int rate, int seconds) throws InterruptedException {
    try (WeftCluster cluster = WeftCluster.start(url)) {
      JobPoster poster = new JobPoster(cluster.uri());
      Throughput t = throughput(poster, tasks);
      log.printf("weft: %d of %d tasks in %.2f s%s%n", t.completed(), t.tasks(), t.seconds(),
          t.measured() ? String.format(" = %.0f tasks/s", t.perSecond()) : " (" + t.failure() + ")");
      Latency l = latency(poster, rate, seconds);
      log.printf("weft latency at %d tasks/s (achieved %.0f/s): %s%n", rate, l.achievedPerSecond(),
          l.measured() ? "p50 " + l.p50Millis() + " ms, p99 " + l.p99Millis() + " ms" : l.failure());
      return new Results(t, l);
    }
  }

  private Throughput throughput(JobPoster poster, int tasks) throws InterruptedException {
    Completion done = new Completion(url, SUCCEEDED + "'tp-%'");
    CpuMeter cpu = new CpuMeter(url);
    CpuMeter.Reading before = cpu.read();
    long start = System.nanoTime();
    for (int i = 0, posted = 0; posted < tasks; i++) {
      int n = Math.min(CHUNK, tasks - posted);
      poster.post("tp-" + i, n);
      posted += n;
    }
    long end = done.await(tasks, timeout(tasks));
    if (end < 0) {
      int completed = done.count();
      return new Throughput("weft", tasks, completed, seconds(start, System.nanoTime()), WeftCluster.settings(),
          "only " + completed + " of " + tasks + " tasks succeeded within " + timeout(tasks).toSeconds() + " s");
    }
    return new Throughput("weft", tasks, tasks, seconds(start, end), WeftCluster.settings(), null)
        .withCpu(cpu.between(before, cpu.read()));
  }

  private Latency latency(JobPoster poster, int rate, int seconds) throws InterruptedException {
    int perTick = (int) Math.round(rate * TICK.toMillis() / 1000.0);
    int ticks = (int) (seconds * 1000 / TICK.toMillis());
    long start = System.nanoTime();
    for (int i = 0; i < ticks; i++) {
      long due = start + i * TICK.toNanos();
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      poster.post("lat-" + i, perTick);
    }
    double took = seconds(start, System.nanoTime());
    int total = perTick * ticks;
    Completion done = new Completion(url, SUCCEEDED + "'lat-%'");
    if (done.await(total, timeout(total)) < 0) {
      return Latency.failed(rate, seconds, "only " + done.count() + " of " + total + " tasks succeeded");
    }
    return Latency.of(rate, seconds, took, submitToStart());
  }

  /** started_at - submitted_at of every paced task, from the task records. */
  private long[] submitToStart() {
    List<Long> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
         PreparedStatement ps = c.prepareStatement(
             "SELECT started_at - submitted_at FROM weft_task WHERE job_id LIKE 'lat-%'")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading task records: " + e.getMessage(), e);
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  static Duration timeout(int tasks) {
    return Duration.ofSeconds(Math.max(120, tasks / 50));
  }

  static double seconds(long startNanos, long endNanos) {
    return (endNanos - startNanos) / 1e9;
  }
}

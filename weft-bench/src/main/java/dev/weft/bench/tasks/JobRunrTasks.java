package dev.weft.bench.tasks;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import java.util.stream.IntStream;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * JobRunr's side: {@link PostgresStorageProvider} (it creates its own tables), one background job
 * server with its default worker count and the shortest poll interval it accepts ({@link #POLL}; the
 * default is 15 s), Jackson as its JSON mapper; {@code n} jobs enqueued as one stream (JobRunr saves
 * them in batches). Completed = the job's stored state is {@code SUCCEEDED}.
 */
final class JobRunrTasks {
  static final Duration POLL = Duration.ofSeconds(5);
  private final String url;
  private final PrintStream log;

  JobRunrTasks(String url, PrintStream log) {
    this.url = url;
    this.log = log;
  }

  static String settings(int workers) {
    return "PostgresStorageProvider, default worker count (" + workers + " here), poll interval " + POLL.toSeconds()
        + " s, enqueue(Stream)";
  }

  Throughput run(int n) throws InterruptedException {
    Set<Integer> ran = JobRunrNoop.RAN;
    ran.clear();
    try (HikariDataSource ds = DbSchedulerTasks.pool(url)) {
      JobScheduler scheduler = JobRunr.configure().useJsonMapper(new JacksonJsonMapper())
          .useStorageProvider(new PostgresStorageProvider(ds))
          .useBackgroundJobServer(BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
              .andPollInterval(POLL))
          .initialize().getJobScheduler();
      String settings = settings(JobRunr.getBackgroundJobServer().getServerStatus().getWorkerPoolSize());
      try {
        Completion succeeded = new Completion(url, "SELECT count(*) FROM jobrunr_jobs WHERE state = 'SUCCEEDED'");
        CpuMeter cpu = new CpuMeter(url);
        CpuMeter.Reading before = cpu.read();
        long start = System.nanoTime();
        scheduler.enqueue(IntStream.range(0, n).boxed(), i -> JobRunrNoop.run(i));
        long end = succeeded.await(n, WeftTasks.timeout(n));
        Throughput t = end < 0 || ran.size() != n
            ? new Throughput("jobrunr", n, ran.size(), WeftTasks.seconds(start, System.nanoTime()), settings,
                "ran " + ran.size() + " of " + n + " jobs, " + succeeded.count() + " stored as SUCCEEDED")
            : new Throughput("jobrunr", n, n, WeftTasks.seconds(start, end), settings, null)
                .withCpu(cpu.between(before, cpu.read()));
        log.printf("jobrunr: %d of %d jobs in %.2f s%n", t.completed(), n, t.seconds());
        return t;
      } finally {
        JobRunr.destroy();
      }
    }
  }
}

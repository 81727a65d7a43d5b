package dev.weft.server;

import dev.weft.server.secrets.SecretSource;
import dev.weft.server.api.ApiSettings;
import java.time.Duration;

/**
 * How to run a server.
 *
 * @param databaseUrl {@code jdbc:h2:file:...} or {@code jdbc:postgresql://...}
 * @param workers the engine's dispatcher threads (commands carried out at once)
 * @param secrets where the {@code $secrets} of workflows come from (never stored, logged or answered)
 * @param eventRetention how long a published event no instance listened for is kept for listens
 *     that open later (zero: dropped at once)
 * @param logRetention how long the shipped output of a task is kept after the task ended (zero:
 *     forever); the default is {@link #DEFAULT_LOG_RETENTION}
 * @param jobRetention how long a job is kept after its last task ended, with its tasks and their
 *     outputs and logs (zero: forever); the default is {@link #DEFAULT_JOB_RETENTION}
 */
public record ServerSettings(String databaseUrl, ApiSettings api, int workers, SecretSource secrets,
    Duration eventRetention, Duration logRetention, Duration jobRetention) {
  public static final Duration DEFAULT_LOG_RETENTION = Duration.ofDays(7);
  public static final Duration DEFAULT_JOB_RETENTION = Duration.ofDays(30);

  public ServerSettings {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    java.util.Objects.requireNonNull(secrets, "secrets");
    if (eventRetention.isNegative()) {
      throw new IllegalArgumentException("event retention must not be negative, got " + eventRetention);
    }
    if (logRetention.isNegative()) {
      throw new IllegalArgumentException("log retention must not be negative, got " + logRetention);
    }
    if (jobRetention.isNegative()) {
      throw new IllegalArgumentException("job retention must not be negative, got " + jobRetention);
    }
  }

  /** With the default job retention. */
  public ServerSettings(String databaseUrl, ApiSettings api, int workers, SecretSource secrets,
      Duration eventRetention, Duration logRetention) {
    this(databaseUrl, api, workers, secrets, eventRetention, logRetention, DEFAULT_JOB_RETENTION);
  }

  /** With the default log retention. */
  public ServerSettings(String databaseUrl, ApiSettings api, int workers, SecretSource secrets,
      Duration eventRetention) {
    this(databaseUrl, api, workers, secrets, eventRetention, DEFAULT_LOG_RETENTION);
  }

  /** These settings with another log retention (zero: task logs are kept forever). */
  public ServerSettings withLogRetention(Duration retention) {
    return new ServerSettings(databaseUrl, api, workers, secrets, eventRetention, retention, jobRetention);
  }

  /** These settings with another job retention (zero: jobs are kept forever). */
  public ServerSettings withJobRetention(Duration retention) {
    return new ServerSettings(databaseUrl, api, workers, secrets, eventRetention, logRetention, retention);
  }

  /** Without event retention. */
  public ServerSettings(String databaseUrl, ApiSettings api, int workers, SecretSource secrets) {
    this(databaseUrl, api, workers, secrets, Duration.ZERO);
  }

  /** Without secrets and event retention. */
  public ServerSettings(String databaseUrl, ApiSettings api, int workers) {
    this(databaseUrl, api, workers, SecretSource.none());
  }
}

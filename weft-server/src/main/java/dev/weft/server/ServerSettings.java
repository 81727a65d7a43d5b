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
 */
public record ServerSettings(String databaseUrl, ApiSettings api, int workers, SecretSource secrets,
    Duration eventRetention) {
  public ServerSettings {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    java.util.Objects.requireNonNull(secrets, "secrets");
    if (eventRetention.isNegative()) {
      throw new IllegalArgumentException("event retention must not be negative, got " + eventRetention);
    }
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

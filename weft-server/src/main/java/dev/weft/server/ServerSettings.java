package dev.weft.server;

import dev.weft.server.secrets.SecretSource;
import dev.weft.server.api.ApiSettings;

/**
 * How to run a server.
 *
 * @param databaseUrl {@code jdbc:h2:file:...} or {@code jdbc:postgresql://...}
 * @param workers the engine's dispatcher threads (commands carried out at once)
 * @param secrets where the {@code $secrets} of workflows come from (never stored, logged or answered)
 */
public record ServerSettings(String databaseUrl, ApiSettings api, int workers, SecretSource secrets) {
  public ServerSettings {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    java.util.Objects.requireNonNull(secrets, "secrets");
  }

  /** Without secrets. */
  public ServerSettings(String databaseUrl, ApiSettings api, int workers) {
    this(databaseUrl, api, workers, SecretSource.none());
  }
}

package dev.weft.server;

import dev.weft.server.api.ApiSettings;

/**
 * How to run a server.
 *
 * @param databaseUrl {@code jdbc:h2:file:...} or {@code jdbc:postgresql://...}
 * @param workers threads carrying out workflow instances
 */
public record ServerSettings(String databaseUrl, ApiSettings api, int workers) {
  public ServerSettings {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
  }
}

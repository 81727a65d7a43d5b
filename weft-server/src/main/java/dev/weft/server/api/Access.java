package dev.weft.server.api;

import io.javalin.security.RouteRole;

/**
 * What a route needs from its caller. Which role grants which access is one table,
 * {@link dev.weft.server.api.auth.Role#allows}.
 */
public enum Access implements RouteRole {
  /** No token needed: health and the OpenAPI document. */
  PUBLIC,
  /** Reading anything but tokens (every GET of the API, and {@code /metrics}). */
  READ,
  /** Changing workflows, instances, jobs: defining, starting, cancelling, signalling. */
  OPERATE,
  /** Changing the cluster's configuration (queues, nodes) and reading who holds which token. */
  ADMIN,
  /** The agent protocol under {@code /api/v1/agent}. */
  AGENT,
  /** The worker protocol under {@code /api/v1/worker}: polling for calls of worker services and reporting them. */
  WORK
}

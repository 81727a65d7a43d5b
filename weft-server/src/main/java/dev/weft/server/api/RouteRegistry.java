package dev.weft.server.api;

import java.util.ArrayList;
import java.util.List;

/** Every route of the server, in registration order; the single source of the OpenAPI document. */
public final class RouteRegistry {
  private final List<ApiRoute> routes = new ArrayList<>();

  /** Where the agent protocol lives: routes needing {@link Access#AGENT} are there, and only they. */
  public static final String AGENT_PREFIX = "/api/v1/agent/";
  /** Where the worker protocol lives: routes needing {@link Access#WORK} are there, and only they. */
  public static final String WORKER_PREFIX = "/api/v1/worker/";

  /**
   * Adds a route.
   *
   * @throws IllegalArgumentException if the same method and path are already registered, or an
   *     agent route is outside {@value #AGENT_PREFIX} or another route inside it
   */
  public RouteRegistry add(ApiRoute route) {
    if ((route.access() == Access.AGENT) != route.path().startsWith(AGENT_PREFIX)) {
      throw new IllegalArgumentException("route " + route.method() + " " + route.path() + ": agent access is for "
          + AGENT_PREFIX + "** and nothing else there");
    }
    if ((route.access() == Access.WORK) != route.path().startsWith(WORKER_PREFIX)) {
      throw new IllegalArgumentException("route " + route.method() + " " + route.path() + ": worker access is for "
          + WORKER_PREFIX + "** and nothing else there");
    }
    for (ApiRoute r : routes) {
      if (r.method() == route.method() && r.path().equals(route.path())) {
        throw new IllegalArgumentException("route " + route.method() + " " + route.path() + " is registered twice");
      }
    }
    routes.add(route);
    return this;
  }

  public List<ApiRoute> all() {
    return List.copyOf(routes);
  }
}

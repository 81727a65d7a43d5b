package dev.weft.server.api;

import java.util.ArrayList;
import java.util.List;

/** Every route of the server, in registration order; the single source of the OpenAPI document. */
public final class RouteRegistry {
  private final List<ApiRoute> routes = new ArrayList<>();

  /**
   * Adds a route.
   *
   * @throws IllegalArgumentException if the same method and path are already registered
   */
  public RouteRegistry add(ApiRoute route) {
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

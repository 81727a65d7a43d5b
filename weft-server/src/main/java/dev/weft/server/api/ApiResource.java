package dev.weft.server.api;

/**
 * A group of routes (workflows, instances, jobs, nodes, ...). A new resource registers its
 * routes here and appears in the server, the access checks and the OpenAPI document at once.
 */
public interface ApiResource {
  void register(RouteRegistry routes);
}

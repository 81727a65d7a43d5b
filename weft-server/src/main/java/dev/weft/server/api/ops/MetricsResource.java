package dev.weft.server.api.ops;

import dev.weft.server.api.Access;
import dev.weft.server.api.ApiResource;
import dev.weft.server.api.ApiRoute;
import dev.weft.server.api.RouteRegistry;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;

/** {@code GET /metrics}: the Prometheus text exposition; needs read access (Prometheus sends a bearer token). */
public final class MetricsResource implements ApiResource {
  private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";
  private final Metrics metrics;

  public MetricsResource(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void register(RouteRegistry routes) {
    routes.add(new ApiRoute(HandlerType.GET, "/metrics", Access.READ, "Prometheus metrics (text format 0.0.4)",
        List.of(), null, Map.of(200, "the metrics"),
        ctx -> ctx.status(200).contentType(TEXT_FORMAT).result(metrics.scrape())));
  }
}

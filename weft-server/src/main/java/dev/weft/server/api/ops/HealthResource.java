package dev.weft.server.api.ops;

import dev.weft.server.api.Access;
import dev.weft.server.api.ApiResource;
import dev.weft.server.api.ApiRoute;
import dev.weft.server.api.Replies;
import dev.weft.server.api.RouteRegistry;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /healthz}: 200 {@code {"status":"up"}} when the database answers, 503 with the
 * reason otherwise. Public, so load balancers need no token.
 */
public final class HealthResource implements ApiResource {
  /** Reaches the database; throws when it cannot. */
  @FunctionalInterface
  public interface Probe {
    void check() throws Exception;
  }

  private final Probe database;

  public HealthResource(Probe database) {
    this.database = database;
  }

  @Override
  public void register(RouteRegistry routes) {
    routes.add(new ApiRoute(HandlerType.GET, "/healthz", Access.PUBLIC, "Whether the server and its database are up",
        List.of(), null, Map.of(200, "up", 503, "the database does not answer"), ctx -> {
          Map<String, Object> body = new LinkedHashMap<>();
          try {
            database.check();
            body.put("status", "up");
            body.put("database", "up");
            Replies.json(ctx, 200, body);
          } catch (Exception e) {
            body.put("status", "down");
            body.put("database", "down: " + firstLine(e.getMessage()));
            Replies.json(ctx, 503, body);
          }
        }));
  }

  private static String firstLine(String s) {
    String m = String.valueOf(s);
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}

package dev.weft.server.api;

import dev.weft.server.api.auth.BearerAuth;
import dev.weft.server.outage.FailureStreak;
import dev.weft.store.StoreUnavailableException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRouting;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The HTTP server: every registered route behind the access check, errors as problem details,
 * the OpenAPI document at {@value #OPENAPI_PATH}. Start it with {@link #start}; {@link #close}
 * stops it.
 */
public final class ApiServer implements AutoCloseable {
  public static final String OPENAPI_PATH = "/api/v1/openapi.json";
  static final String ROUTE_ATTRIBUTE = "weft.route";
  static final String CALLER_ATTRIBUTE = "weft.caller";

  /** Seconds a client is told to wait (Retry-After) when the database is away. */
  static final int RETRY_AFTER_SECONDS = 1;
  private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());

  private final Javalin app;
  private final RouteRegistry registry;
  private final FailureStreak databaseAway = FailureStreak.logging("answering requests (503 while the database is away)", LOG);

  /**
   * @param onRequest called after every answer with the context, the matched route path
   *     ({@code "unmatched"} when none) and the handling time in milliseconds (for metrics)
   */
  public ApiServer(ApiSettings settings, List<ApiResource> resources, RequestObserver onRequest) {
    this.registry = new RouteRegistry();
    for (ApiResource r : resources) {
      r.register(registry);
    }
    OpenApiDocument openApi = new OpenApiDocument(registry);
    registry.add(openApi.route());
    BearerAuth auth = new BearerAuth(settings.tokens());
    this.app = Javalin.create(cfg -> configure(cfg, settings, auth, onRequest));
  }

  /** Observes each answered request. */
  @FunctionalInterface
  public interface RequestObserver {
    void answered(Context ctx, String route, float millis);
  }

  private void configure(JavalinConfig cfg, ApiSettings settings, BearerAuth auth, RequestObserver onRequest) {
    cfg.showJavalinBanner = false;
    cfg.startupWatcherEnabled = false;
    cfg.http.prefer405over404 = true;
    cfg.http.maxRequestSize = settings.bodyLimit();
    cfg.jetty.defaultHost = settings.bind();
    cfg.jetty.defaultPort = settings.port();
    cfg.jetty.modifyServer(server -> server.setErrorHandler(new BadMessages()));
    cfg.requestLogger.http((ctx, ms) -> {
      if (ctx.statusCode() < 500) {
        databaseAway.succeeded();
      }
      onRequest.answered(ctx, ctx.attribute(ROUTE_ATTRIBUTE) instanceof String s ? s : "unmatched", ms);
    });
    cfg.router.mount(router -> {
      router.before(ctx -> ctx.attribute(Bodies.LIMIT_ATTRIBUTE, settings.bodyLimit()));
      router.beforeMatched(ctx -> admit(ctx, auth));
      for (ApiRoute r : registry.all()) {
        router.addHttpHandler(r.method(), r.path(), ctx -> {
          QueryParams.checkKnown(ctx, r.queryNames());
          r.handler().handle(ctx);
        }, r.access());
      }
      ProblemResponses.install(router, databaseAway);
    });
  }

  /** Access check of a matched route; remembers the route path for metrics. */
  private static void admit(Context ctx, BearerAuth auth) {
    ctx.attribute(ROUTE_ATTRIBUTE, ctx.endpointHandlerPath());
    Access access = ctx.routeRoles().stream().filter(Access.class::isInstance).map(Access.class::cast)
        .findFirst().orElse(Access.ADMIN);
    ctx.attribute(CALLER_ATTRIBUTE, auth.check(access, ctx.header("Authorization")));
  }

  /** Starts listening; returns this. */
  public ApiServer start() {
    app.start();
    return this;
  }

  /** The port listened on (the chosen one when started with port 0). */
  public int port() {
    return app.port();
  }

  public List<ApiRoute> routes() {
    return registry.all();
  }

  @Override
  public void close() {
    app.stop();
  }

  /** Installs one handler per exception type on the router; kept apart so the mapping reads as one table. */
  static final class ProblemResponses {
    private ProblemResponses() {}

    static void install(JavalinDefaultRouting router, FailureStreak databaseAway) {
      on(router, ProblemException.class, (e, ctx) -> {
        if (e.status() == 401) {
          ctx.header("WWW-Authenticate", "Bearer");
        }
        Replies.problem(ctx, e.toProblem(ctx.path()));
      });
      on(router, StoreUnavailableException.class, (e, ctx) -> {
        databaseAway.failed(e);
        ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        Replies.problem(ctx, ProblemException.unavailable("the database is unavailable (restarting or unreachable);"
            + " try again shortly (a start again with the same Idempotency-Key)").toProblem(ctx.path()));
      });
      on(router, HttpResponseException.class, (e, ctx) -> Replies.problem(ctx, fromJavalin(e.getStatus(), e.getMessage(), ctx)));
      on(router, Exception.class, (e, ctx) -> {
        LOG.log(System.Logger.Level.ERROR,
            "unexpected error answering " + ctx.method() + " " + ctx.path(), e);
        Replies.problem(ctx, new Problem("about:blank", "Internal server error", 500,
            "an unexpected error occurred; it is logged on the server", ctx.path(), List.of()));
      });
      for (int status : new int[] {404, 405}) {
        router.error(status, "*", ctx -> {
          if (!Problem.MEDIA_TYPE.equals(ctx.res().getContentType())) {
            Replies.problem(ctx, fromJavalin(status, null, ctx));
          }
        });
      }
    }

    private static <E extends Exception> void on(JavalinDefaultRouting router, Class<E> type, BiConsumer<E, Context> h) {
      router.exception(type, h::accept);
    }

    private static Problem fromJavalin(int status, String message, Context ctx) {
      String detail = switch (status) {
        case 404 -> "no route " + ctx.method() + " " + ctx.path();
        case 405 -> "method " + ctx.method() + " is not allowed on " + ctx.path();
        case 413 -> "the request body is too large";
        default -> message == null ? "" : message;
      };
      String title = switch (status) {
        case 404 -> "Not found";
        case 405 -> "Method not allowed";
        case 413 -> "Request body too large";
        default -> message == null ? "Error" : message;
      };
      return new Problem("about:blank", title, status, detail, ctx.path(), List.of());
    }
  }
}
